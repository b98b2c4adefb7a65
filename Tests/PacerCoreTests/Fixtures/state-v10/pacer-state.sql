PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1');
INSERT INTO grdb_migrations VALUES('v2');
INSERT INTO grdb_migrations VALUES('v3');
INSERT INTO grdb_migrations VALUES('v4');
INSERT INTO grdb_migrations VALUES('v5');
INSERT INTO grdb_migrations VALUES('v6');
INSERT INTO grdb_migrations VALUES('v7');
INSERT INTO grdb_migrations VALUES('v8');
INSERT INTO grdb_migrations VALUES('v9');
INSERT INTO grdb_migrations VALUES('v10');
CREATE TABLE objective_history (
    student TEXT NOT NULL,
    subject TEXT NOT NULL,
    objective TEXT NOT NULL,
    started_on TEXT NOT NULL,
    mastered_on TEXT,
    PRIMARY KEY (student, subject, objective)
);
INSERT INTO objective_history VALUES('S-02','MATH','MATH-7.RP.1','2026-11-23','2026-11-17');
INSERT INTO objective_history VALUES('S-03','MATH','MATH-7.RP.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-04','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-05','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-06','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-06','MATH','MATH-7.RP.2','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-07','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-07','MATH','MATH-7.RP.2','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-08','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-08','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-08','MATH','MATH-7.RP.3','2026-11-23','2026-11-24');
INSERT INTO objective_history VALUES('S-09','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-09','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-09','MATH','MATH-7.RP.3','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-10','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-10','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-10','MATH','MATH-7.RP.3','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-11','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-11','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-11','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-11','MATH','MATH-7.NS.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-12','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-12','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-12','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-12','MATH','MATH-7.NS.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-13','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-13','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-13','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-13','MATH','MATH-7.NS.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-14','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-14','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-14','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-14','MATH','MATH-7.NS.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-15','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-15','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-15','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-15','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-15','MATH','MATH-7.NS.2','2026-11-23','2026-11-24');
INSERT INTO objective_history VALUES('S-16','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-16','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-16','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-16','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-16','MATH','MATH-7.NS.2','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-17','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-17','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-17','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-17','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-17','MATH','MATH-7.NS.2','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-18','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-18','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-18','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-18','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-18','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-18','MATH','MATH-7.EE.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-19','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-19','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-19','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-19','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-19','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-19','MATH','MATH-7.EE.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-20','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-20','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-20','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-20','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-20','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-20','MATH','MATH-7.EE.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.EE.2','2026-11-23','2026-11-24');
INSERT INTO objective_history VALUES('S-22','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-22','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-22','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-22','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-22','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-22','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-22','MATH','MATH-7.EE.2','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-23','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-23','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-23','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-23','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-23','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-23','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-23','MATH','MATH-7.EE.2','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.EE.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-24','MATH','MATH-7.G.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.EE.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-25','MATH','MATH-7.G.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.EE.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-26','MATH','MATH-7.G.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.EE.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.G.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.G.2','2026-11-23','2026-11-24');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.EE.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.G.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.G.2','2026-11-23','2026-11-25');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.EE.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.G.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.G.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-29','MATH','MATH-7.SP.1','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.RP.3','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.NS.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.NS.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.EE.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.EE.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.G.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.G.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-30','MATH','MATH-7.SP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-15','MATH','MATH-7.EE.1','2026-11-24',NULL);
INSERT INTO objective_history VALUES('S-27','MATH','MATH-7.SP.1','2026-11-24',NULL);
INSERT INTO objective_history VALUES('S-02','MATH','MATH-7.RP.2','2026-11-17','2026-11-25');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.G.1','2026-11-24','2026-11-24');
INSERT INTO objective_history VALUES('S-21','MATH','MATH-7.G.2','2026-11-24',NULL);
INSERT INTO objective_history VALUES('S-08','MATH','MATH-7.NS.1','2026-11-24',NULL);
INSERT INTO objective_history VALUES('S-02','MATH','MATH-7.RP.3','2026-11-25',NULL);
INSERT INTO objective_history VALUES('S-28','MATH','MATH-7.SP.1','2026-11-25','2026-11-25');
INSERT INTO objective_history VALUES('S-01','MATH','MATH-7.RP.1','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-01','MATH','MATH-7.RP.2','2026-11-23','2026-11-24');
INSERT INTO objective_history VALUES('S-01','MATH','MATH-7.RP.3','2026-11-24','2026-11-24');
INSERT INTO objective_history VALUES('S-01','MATH','MATH-7.NS.1','2026-11-24',NULL);
INSERT INTO objective_history VALUES('S-04','MATH','MATH-7.RP.2','2026-11-23',NULL);
INSERT INTO objective_history VALUES('S-05','MATH','MATH-7.RP.2','2026-11-23','2026-11-23');
INSERT INTO objective_history VALUES('S-05','MATH','MATH-7.RP.3','2026-11-23',NULL);
CREATE TABLE plan (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('week', 'day')),
    first_date TEXT NOT NULL,
    scenario_hash TEXT NOT NULL,
    published_at TEXT NOT NULL,
    plan_json TEXT NOT NULL
);
INSERT INTO "plan" VALUES(1,'week','2026-11-23','e00329e3b74cd916e9424f182d9cba280ef064299f650645708bef96191cc81e','2026-12-06T14:55:29Z',replace('{\n  "cost" : {\n    "emptySeats" : 68,\n    "keepApart" : 0,\n    "sessions" : 420,\n    "teacherChanges" : 0,\n    "total" : 488,\n    "unmetWorkshops" : 0\n  },\n  "days" : [\n    {\n      "day" : "Mon",\n      "sessions" : [\n        "Mon-F1/T-CHEN",\n        "Mon-F1/T-RIVERA",\n        "Mon-F2/T-OKAFOR",\n        "Mon-F2/T-RIVERA"\n      ]\n    },\n    {\n      "day" : "Tue",\n      "sessions" : [\n        "Tue-F1/T-CHEN",\n        "Tue-F1/T-OKAFOR",\n        "Tue-F1/T-RIVERA",\n        "Tue-F2/T-OKAFOR",\n        "Tue-F2/T-RIVERA"\n      ]\n    },\n    {\n      "day" : "Wed",\n      "sessions" : [\n        "Wed-F1/T-CHEN",\n        "Wed-F1/T-OKAFOR",\n        "Wed-F1/T-RIVERA",\n        "Wed-F2/T-OKAFOR",\n        "Wed-F2/T-RIVERA"\n      ]\n    },\n    {\n      "day" : "Thu",\n      "sessions" : [\n        "Thu-F1/T-CHEN",\n        "Thu-F1/T-OKAFOR",\n        "Thu-F1/T-RIVERA",\n        "Thu-F2/T-OKAFOR",\n        "Thu-F2/T-RIVERA"\n      ]\n    },\n    {\n      "day" : "Fri",\n      "sessions" : [\n        "Fri-F1/T-OKAFOR",\n        "Fri-F2/T-OKAFOR"\n      ]\n    }\n  ],\n  "header" : {\n    "candidatePlacements" : 1527,\n    "candidateSessions" : 501,\n    "date" : "2026-11-23",\n    "fromState" : true,\n    "gap" : 0,\n    "glpkVersion" : "5.0",\n    "kind" : "week",\n    "lowerBound" : 488,\n    "method" : "greedy+block-mip",\n    "objective" : 488,\n    "options" : {\n      "gap" : 0,\n      "nodeLimit" : 200,\n      "seed" : 1,\n      "timeLimit" : 60\n    },\n    "pacerVersion" : "0.1.0",\n    "scenario" : "Maple Grove Learning Studio",\n    "scenarioHash" : "e00329e3b74cd916e9424f182d9cba280ef064299f650645708bef96191cc81e",\n    "status" : "optimal",\n    "students" : 30,\n    "workshopsServed" : 58,\n    "workshopsWanted" : 58\n  },\n  "schema" : "pacer.plan/1",\n  "sessions" : [\n    {\n      "block" : "Mon-F1",\n      "day" : "Mon",\n      "end" : "10:05",\n      "id" : "Mon-F1/T-CHEN",\n      "objective" : "MATH-7.RP.3",\n      "room" : "R102",\n      "start" : "09:25",\n      "students" : [\n        "S-08",\n        "S-09",\n        "S-10"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-CHEN"\n    },\n    {\n      "block" : "Mon-F1",\n      "day" : "Mon",\n      "end" : "10:05",\n      "id" : "Mon-F1/T-RIVERA",\n      "objective" : "MATH-7.G.1",\n      "room" : "R101",\n      "start" : "09:25",\n      "students" : [\n        "S-24",\n        "S-25",\n        "S-26"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Mon-F2",\n      "day" : "Mon",\n      "end" : "12:25",\n      "id" : "Mon-F2/T-OKAFOR",\n      "objective" : "MATH-7.RP.2",\n      "room" : "LIB",\n      "start" : "11:45",\n      "students" : [\n        "S-05",\n        "S-06"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Mon-F2",\n      "day" : "Mon",\n      "end" : "12:25",\n      "id" : "Mon-F2/T-RIVERA",\n      "objective" : "MATH-7.EE.1",\n      "room" : "R102",\n      "start" : "11:45",\n      "students" : [\n        "S-18",\n        "S-19",\n        "S-20"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Tue-F1",\n      "day" : "Tue",\n      "end" : "10:05",\n      "id" : "Tue-F1/T-CHEN",\n      "objective" : "MATH-7.RP.3",\n      "room" : "R102",\n      "start" : "09:25",\n      "students" : [\n        "S-08",\n        "S-09",\n        "S-10"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-CHEN"\n    },\n    {\n      "block" : "Tue-F1",\n      "day" : "Tue",\n      "end" : "10:05",\n      "id" : "Tue-F1/T-OKAFOR",\n      "objective" : "MATH-7.NS.1",\n      "room" : "LIB",\n      "start" : "09:25",\n      "students" : [\n        "S-11",\n        "S-12",\n        "S-13",\n        "S-14"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Tue-F1",\n      "day" : "Tue",\n      "end" : "10:05",\n      "id" : "Tue-F1/T-RIVERA",\n      "objective" : "MATH-7.EE.1",\n      "room" : "R101",\n      "start" : "09:25",\n      "students" : [\n        "S-18",\n        "S-19",\n        "S-20"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Tue-F2",\n      "day" : "Tue",\n      "end" : "12:25",\n      "id" : "Tue-F2/T-OKAFOR",\n      "objective" : "MATH-7.SP.1",\n      "room" : "R101",\n      "start" : "11:45",\n      "students" : [\n        "S-29",\n        "S-30"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Tue-F2",\n      "day" : "Tue",\n      "end" : "12:25",\n      "id" : "Tue-F2/T-RIVERA",\n      "objective" : "MATH-7.EE.2",\n      "room" : "R102",\n      "start" : "11:45",\n      "students" : [\n        "S-21",\n        "S-22",\n        "S-23"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-CHEN",\n      "objective" : "MATH-7.NS.2",\n      "room" : "R102",\n      "start" : "09:25",\n      "students" : [\n        "S-15",\n        "S-16",\n        "S-17"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-CHEN"\n    },\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-OKAFOR",\n      "objective" : "MATH-7.RP.2",\n      "room" : "LIB",\n      "start" : "09:25",\n      "students" : [\n        "S-04",\n        "S-07"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-RIVERA",\n      "objective" : "MATH-7.EE.2",\n      "room" : "R101",\n      "start" : "09:25",\n      "students" : [\n        "S-21",\n        "S-22",\n        "S-23"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Wed-F2",\n      "day" : "Wed",\n      "end" : "12:25",\n      "id" : "Wed-F2/T-OKAFOR",\n      "objective" : "MATH-7.NS.1",\n      "room" : "LIB",\n      "start" : "11:45",\n      "students" : [\n        "S-11",\n        "S-12",\n        "S-13",\n        "S-14"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Wed-F2",\n      "day" : "Wed",\n      "end" : "12:25",\n      "id" : "Wed-F2/T-RIVERA",\n      "objective" : "MATH-7.G.2",\n      "room" : "R101",\n      "start" : "11:45",\n      "students" : [\n        "S-27",\n        "S-28"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Thu-F1",\n      "day" : "Thu",\n      "end" : "10:05",\n      "id" : "Thu-F1/T-CHEN",\n      "objective" : "MATH-7.NS.2",\n      "room" : "R102",\n      "start" : "09:25",\n      "students" : [\n        "S-15",\n        "S-16",\n        "S-17"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-CHEN"\n    },\n    {\n      "block" : "Thu-F1",\n      "day" : "Thu",\n      "end" : "10:05",\n      "id" : "Thu-F1/T-OKAFOR",\n      "objective" : "MATH-7.RP.1",\n      "room" : "LIB",\n      "start" : "09:25",\n      "students" : [\n        "S-01",\n        "S-02",\n        "S-03"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Thu-F1",\n      "day" : "Thu",\n      "end" : "10:05",\n      "id" : "Thu-F1/T-RIVERA",\n      "objective" : "MATH-7.G.1",\n      "room" : "R101",\n      "start" : "09:25",\n      "students" : [\n        "S-24",\n        "S-25",\n        "S-26"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Thu-F2",\n      "day" : "Thu",\n      "end" : "12:25",\n      "id" : "Thu-F2/T-OKAFOR",\n      "objective" : "MATH-7.RP.2",\n      "room" : "LIB",\n      "start" : "11:45",\n      "students" : [\n        "S-05",\n        "S-07"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Thu-F2",\n      "day" : "Thu",\n      "end" : "12:25",\n      "id" : "Thu-F2/T-RIVERA",\n      "objective" : "MATH-7.G.2",\n      "room" : "R101",\n      "start" : "11:45",\n      "students" : [\n        "S-27",\n        "S-28"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Fri-F1",\n      "day" : "Fri",\n      "end" : "10:05",\n      "id" : "Fri-F1/T-OKAFOR",\n      "objective" : "MATH-7.RP.1",\n      "room" : "R102",\n      "start" : "09:25",\n      "students" : [\n        "S-01",\n        "S-02",\n        "S-03"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Fri-F2",\n      "day" : "Fri",\n      "end" : "12:25",\n      "id" : "Fri-F2/T-OKAFOR",\n      "objective" : "MATH-7.RP.2",\n      "room" : "LIB",\n      "start" : "11:45",\n      "students" : [\n        "S-04",\n        "S-06"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    }\n  ],\n  "unserved" : [\n\n  ]\n}\n','\n',char(10)));
INSERT INTO "plan" VALUES(2,'day','2026-11-25','e00329e3b74cd916e9424f182d9cba280ef064299f650645708bef96191cc81e','2026-12-06T14:55:31Z',replace('{\n  "changes" : {\n    "students" : [\n      {\n        "after" : "Wed-F1/T-OKAFOR",\n        "block" : "Wed-F1",\n        "student" : "S-02"\n      },\n      {\n        "before" : "Wed-F1/T-OKAFOR",\n        "block" : "Wed-F1",\n        "student" : "S-04"\n      },\n      {\n        "after" : "Wed-F2/T-OKAFOR",\n        "block" : "Wed-F2",\n        "student" : "S-05"\n      },\n      {\n        "before" : "Wed-F1/T-CHEN",\n        "block" : "Wed-F1",\n        "student" : "S-15"\n      },\n      {\n        "before" : "Wed-F1/T-RIVERA",\n        "block" : "Wed-F1",\n        "student" : "S-21"\n      },\n      {\n        "after" : "Wed-F2/T-RIVERA",\n        "block" : "Wed-F2",\n        "student" : "S-21"\n      },\n      {\n        "before" : "Wed-F2/T-RIVERA",\n        "block" : "Wed-F2",\n        "student" : "S-27"\n      }\n    ],\n    "teachers" : [\n      {\n        "after" : "Wed-F1/T-CHEN",\n        "before" : "Wed-F1/T-CHEN",\n        "block" : "Wed-F1",\n        "objectiveAfter" : "MATH-7.NS.2",\n        "objectiveBefore" : "MATH-7.NS.2",\n        "roomAfter" : "R102",\n        "roomBefore" : "R102",\n        "studentsIn" : [\n\n        ],\n        "studentsOut" : [\n          "S-15"\n        ],\n        "teacher" : "T-CHEN"\n      },\n      {\n        "after" : "Wed-F1/T-OKAFOR",\n        "before" : "Wed-F1/T-OKAFOR",\n        "block" : "Wed-F1",\n        "objectiveAfter" : "MATH-7.RP.2",\n        "objectiveBefore" : "MATH-7.RP.2",\n        "roomAfter" : "LIB",\n        "roomBefore" : "LIB",\n        "studentsIn" : [\n          "S-02"\n        ],\n        "studentsOut" : [\n          "S-04"\n        ],\n        "teacher" : "T-OKAFOR"\n      },\n      {\n        "after" : "Wed-F1/T-RIVERA",\n        "before" : "Wed-F1/T-RIVERA",\n        "block" : "Wed-F1",\n        "objectiveAfter" : "MATH-7.EE.2",\n        "objectiveBefore" : "MATH-7.EE.2",\n        "roomAfter" : "R101",\n        "roomBefore" : "R101",\n        "studentsIn" : [\n\n        ],\n        "studentsOut" : [\n          "S-21"\n        ],\n        "teacher" : "T-RIVERA"\n      },\n      {\n        "after" : "Wed-F2/T-OKAFOR",\n        "before" : "Wed-F2/T-OKAFOR",\n        "block" : "Wed-F2",\n        "objectiveAfter" : "MATH-7.NS.1",\n        "objectiveBefore" : "MATH-7.NS.1",\n        "roomAfter" : "R102",\n        "roomBefore" : "LIB",\n        "studentsIn" : [\n          "S-05"\n        ],\n        "studentsOut" : [\n\n        ],\n        "teacher" : "T-OKAFOR"\n      },\n      {\n        "after" : "Wed-F2/T-RIVERA",\n        "before" : "Wed-F2/T-RIVERA",\n        "block" : "Wed-F2",\n        "objectiveAfter" : "MATH-7.G.2",\n        "objectiveBefore" : "MATH-7.G.2",\n        "roomAfter" : "R101",\n        "roomBefore" : "R101",\n        "studentsIn" : [\n          "S-21"\n        ],\n        "studentsOut" : [\n          "S-27"\n        ],\n        "teacher" : "T-RIVERA"\n      }\n    ],\n    "unchangedSessions" : 4\n  },\n  "cost" : {\n    "emptySeats" : 17,\n    "keepApart" : 0,\n    "planChanges" : 20,\n    "sessions" : 100,\n    "teacherChanges" : 0,\n    "total" : 562,\n    "unmetWorkshops" : 425\n  },\n  "days" : [\n    {\n      "day" : "Wed",\n      "sessions" : [\n        "Wed-F1/T-CHEN",\n        "Wed-F1/T-OKAFOR",\n        "Wed-F1/T-RIVERA",\n        "Wed-F2/T-OKAFOR",\n        "Wed-F2/T-RIVERA"\n      ]\n    }\n  ],\n  "header" : {\n    "candidatePlacements" : 125,\n    "candidateSessions" : 52,\n    "date" : "2026-11-25",\n    "gap" : 0,\n    "glpkVersion" : "5.0",\n    "kind" : "day",\n    "lowerBound" : 562,\n    "method" : "greedy+block-mip+reference-mip",\n    "objective" : 562,\n    "options" : {\n      "gap" : 0,\n      "nodeLimit" : 200,\n      "seed" : 1,\n      "timeLimit" : 60\n    },\n    "pacerVersion" : "0.1.0",\n    "referenceModel" : {\n      "columns" : 220,\n      "integerColumns" : 219,\n      "nonzeros" : 1366,\n      "rows" : 340\n    },\n    "revision" : 1,\n    "scenario" : "Maple Grove Learning Studio",\n    "scenarioHash" : "e00329e3b74cd916e9424f182d9cba280ef064299f650645708bef96191cc81e",\n    "status" : "optimal",\n    "students" : 30,\n    "workshopsServed" : 13,\n    "workshopsWanted" : 17\n  },\n  "published" : [\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-CHEN",\n      "objective" : "MATH-7.NS.2",\n      "room" : "R102",\n      "start" : "09:25",\n      "students" : [\n        "S-15",\n        "S-16",\n        "S-17"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-CHEN"\n    },\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-OKAFOR",\n      "objective" : "MATH-7.RP.2",\n      "room" : "LIB",\n      "start" : "09:25",\n      "students" : [\n        "S-04",\n        "S-07"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-RIVERA",\n      "objective" : "MATH-7.EE.2",\n      "room" : "R101",\n      "start" : "09:25",\n      "students" : [\n        "S-21",\n        "S-22",\n        "S-23"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Wed-F2",\n      "day" : "Wed",\n      "end" : "12:25",\n      "id" : "Wed-F2/T-OKAFOR",\n      "objective" : "MATH-7.NS.1",\n      "room" : "LIB",\n      "start" : "11:45",\n      "students" : [\n        "S-11",\n        "S-12",\n        "S-13",\n        "S-14"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Wed-F2",\n      "day" : "Wed",\n      "end" : "12:25",\n      "id" : "Wed-F2/T-RIVERA",\n      "objective" : "MATH-7.G.2",\n      "room" : "R101",\n      "start" : "11:45",\n      "students" : [\n        "S-27",\n        "S-28"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    }\n  ],\n  "schema" : "pacer.plan/1",\n  "sessions" : [\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-CHEN",\n      "objective" : "MATH-7.NS.2",\n      "room" : "R102",\n      "start" : "09:25",\n      "students" : [\n        "S-16",\n        "S-17"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-CHEN"\n    },\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-OKAFOR",\n      "objective" : "MATH-7.RP.2",\n      "room" : "LIB",\n      "start" : "09:25",\n      "students" : [\n        "S-02",\n        "S-07"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Wed-F1",\n      "day" : "Wed",\n      "end" : "10:05",\n      "id" : "Wed-F1/T-RIVERA",\n      "objective" : "MATH-7.EE.2",\n      "room" : "R101",\n      "start" : "09:25",\n      "students" : [\n        "S-22",\n        "S-23"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    },\n    {\n      "block" : "Wed-F2",\n      "day" : "Wed",\n      "end" : "12:25",\n      "id" : "Wed-F2/T-OKAFOR",\n      "objective" : "MATH-7.NS.1",\n      "room" : "R102",\n      "start" : "11:45",\n      "students" : [\n        "S-05",\n        "S-11",\n        "S-12",\n        "S-13",\n        "S-14"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-OKAFOR"\n    },\n    {\n      "block" : "Wed-F2",\n      "day" : "Wed",\n      "end" : "12:25",\n      "id" : "Wed-F2/T-RIVERA",\n      "objective" : "MATH-7.G.2",\n      "room" : "R101",\n      "start" : "11:45",\n      "students" : [\n        "S-21",\n        "S-28"\n      ],\n      "subject" : "MATH",\n      "teacher" : "T-RIVERA"\n    }\n  ],\n  "unserved" : [\n    {\n      "got" : 0,\n      "objective" : "MATH-7.RP.3",\n      "reason" : "no teacher who can teach MATH-7.RP.3 (T-OKAFOR, T-CHEN) is free when the student is",\n      "student" : "S-01",\n      "subject" : "MATH",\n      "wanted" : 1\n    },\n    {\n      "got" : 0,\n      "objective" : "MATH-7.RP.3",\n      "reason" : "no teacher who can teach MATH-7.RP.3 (T-OKAFOR, T-CHEN) is free when the student is",\n      "student" : "S-04",\n      "subject" : "MATH",\n      "wanted" : 1\n    },\n    {\n      "got" : 0,\n      "objective" : "MATH-7.EE.1",\n      "reason" : "no teacher who can teach MATH-7.EE.1 (T-OKAFOR, T-RIVERA) is free when the student is",\n      "student" : "S-15",\n      "subject" : "MATH",\n      "wanted" : 1\n    },\n    {\n      "got" : 0,\n      "objective" : "MATH-7.SP.1",\n      "reason" : "no teacher who can teach MATH-7.SP.1 (T-OKAFOR, T-RIVERA) is free when the student is",\n      "student" : "S-27",\n      "subject" : "MATH",\n      "wanted" : 1\n    }\n  ]\n}\n','\n',char(10)));
CREATE TABLE attendance (
    plan_id INTEGER NOT NULL REFERENCES plan(id),
    session_id TEXT NOT NULL,
    date TEXT NOT NULL,
    block TEXT NOT NULL,
    teacher TEXT NOT NULL,
    objective TEXT NOT NULL,
    student TEXT NOT NULL,
    PRIMARY KEY (plan_id, session_id, student)
);
INSERT INTO attendance VALUES(1,'Mon-F1/T-CHEN','2026-11-23','Mon-F1','T-CHEN','MATH-7.RP.3','S-08');
INSERT INTO attendance VALUES(1,'Mon-F1/T-CHEN','2026-11-23','Mon-F1','T-CHEN','MATH-7.RP.3','S-09');
INSERT INTO attendance VALUES(1,'Mon-F1/T-CHEN','2026-11-23','Mon-F1','T-CHEN','MATH-7.RP.3','S-10');
INSERT INTO attendance VALUES(1,'Mon-F1/T-RIVERA','2026-11-23','Mon-F1','T-RIVERA','MATH-7.G.1','S-24');
INSERT INTO attendance VALUES(1,'Mon-F1/T-RIVERA','2026-11-23','Mon-F1','T-RIVERA','MATH-7.G.1','S-25');
INSERT INTO attendance VALUES(1,'Mon-F1/T-RIVERA','2026-11-23','Mon-F1','T-RIVERA','MATH-7.G.1','S-26');
INSERT INTO attendance VALUES(1,'Mon-F2/T-OKAFOR','2026-11-23','Mon-F2','T-OKAFOR','MATH-7.RP.2','S-05');
INSERT INTO attendance VALUES(1,'Mon-F2/T-OKAFOR','2026-11-23','Mon-F2','T-OKAFOR','MATH-7.RP.2','S-06');
INSERT INTO attendance VALUES(1,'Mon-F2/T-RIVERA','2026-11-23','Mon-F2','T-RIVERA','MATH-7.EE.1','S-18');
INSERT INTO attendance VALUES(1,'Mon-F2/T-RIVERA','2026-11-23','Mon-F2','T-RIVERA','MATH-7.EE.1','S-19');
INSERT INTO attendance VALUES(1,'Mon-F2/T-RIVERA','2026-11-23','Mon-F2','T-RIVERA','MATH-7.EE.1','S-20');
INSERT INTO attendance VALUES(1,'Tue-F1/T-CHEN','2026-11-24','Tue-F1','T-CHEN','MATH-7.RP.3','S-08');
INSERT INTO attendance VALUES(1,'Tue-F1/T-CHEN','2026-11-24','Tue-F1','T-CHEN','MATH-7.RP.3','S-09');
INSERT INTO attendance VALUES(1,'Tue-F1/T-CHEN','2026-11-24','Tue-F1','T-CHEN','MATH-7.RP.3','S-10');
INSERT INTO attendance VALUES(1,'Tue-F1/T-OKAFOR','2026-11-24','Tue-F1','T-OKAFOR','MATH-7.NS.1','S-11');
INSERT INTO attendance VALUES(1,'Tue-F1/T-OKAFOR','2026-11-24','Tue-F1','T-OKAFOR','MATH-7.NS.1','S-12');
INSERT INTO attendance VALUES(1,'Tue-F1/T-OKAFOR','2026-11-24','Tue-F1','T-OKAFOR','MATH-7.NS.1','S-13');
INSERT INTO attendance VALUES(1,'Tue-F1/T-OKAFOR','2026-11-24','Tue-F1','T-OKAFOR','MATH-7.NS.1','S-14');
INSERT INTO attendance VALUES(1,'Tue-F1/T-RIVERA','2026-11-24','Tue-F1','T-RIVERA','MATH-7.EE.1','S-18');
INSERT INTO attendance VALUES(1,'Tue-F1/T-RIVERA','2026-11-24','Tue-F1','T-RIVERA','MATH-7.EE.1','S-19');
INSERT INTO attendance VALUES(1,'Tue-F1/T-RIVERA','2026-11-24','Tue-F1','T-RIVERA','MATH-7.EE.1','S-20');
INSERT INTO attendance VALUES(1,'Tue-F2/T-OKAFOR','2026-11-24','Tue-F2','T-OKAFOR','MATH-7.SP.1','S-29');
INSERT INTO attendance VALUES(1,'Tue-F2/T-OKAFOR','2026-11-24','Tue-F2','T-OKAFOR','MATH-7.SP.1','S-30');
INSERT INTO attendance VALUES(1,'Tue-F2/T-RIVERA','2026-11-24','Tue-F2','T-RIVERA','MATH-7.EE.2','S-21');
INSERT INTO attendance VALUES(1,'Tue-F2/T-RIVERA','2026-11-24','Tue-F2','T-RIVERA','MATH-7.EE.2','S-22');
INSERT INTO attendance VALUES(1,'Tue-F2/T-RIVERA','2026-11-24','Tue-F2','T-RIVERA','MATH-7.EE.2','S-23');
INSERT INTO attendance VALUES(1,'Thu-F1/T-CHEN','2026-11-26','Thu-F1','T-CHEN','MATH-7.NS.2','S-15');
INSERT INTO attendance VALUES(1,'Thu-F1/T-CHEN','2026-11-26','Thu-F1','T-CHEN','MATH-7.NS.2','S-16');
INSERT INTO attendance VALUES(1,'Thu-F1/T-CHEN','2026-11-26','Thu-F1','T-CHEN','MATH-7.NS.2','S-17');
INSERT INTO attendance VALUES(1,'Thu-F1/T-OKAFOR','2026-11-26','Thu-F1','T-OKAFOR','MATH-7.RP.1','S-01');
INSERT INTO attendance VALUES(1,'Thu-F1/T-OKAFOR','2026-11-26','Thu-F1','T-OKAFOR','MATH-7.RP.1','S-02');
INSERT INTO attendance VALUES(1,'Thu-F1/T-OKAFOR','2026-11-26','Thu-F1','T-OKAFOR','MATH-7.RP.1','S-03');
INSERT INTO attendance VALUES(1,'Thu-F1/T-RIVERA','2026-11-26','Thu-F1','T-RIVERA','MATH-7.G.1','S-24');
INSERT INTO attendance VALUES(1,'Thu-F1/T-RIVERA','2026-11-26','Thu-F1','T-RIVERA','MATH-7.G.1','S-25');
INSERT INTO attendance VALUES(1,'Thu-F1/T-RIVERA','2026-11-26','Thu-F1','T-RIVERA','MATH-7.G.1','S-26');
INSERT INTO attendance VALUES(1,'Thu-F2/T-OKAFOR','2026-11-26','Thu-F2','T-OKAFOR','MATH-7.RP.2','S-05');
INSERT INTO attendance VALUES(1,'Thu-F2/T-OKAFOR','2026-11-26','Thu-F2','T-OKAFOR','MATH-7.RP.2','S-07');
INSERT INTO attendance VALUES(1,'Thu-F2/T-RIVERA','2026-11-26','Thu-F2','T-RIVERA','MATH-7.G.2','S-27');
INSERT INTO attendance VALUES(1,'Thu-F2/T-RIVERA','2026-11-26','Thu-F2','T-RIVERA','MATH-7.G.2','S-28');
INSERT INTO attendance VALUES(1,'Fri-F1/T-OKAFOR','2026-11-27','Fri-F1','T-OKAFOR','MATH-7.RP.1','S-01');
INSERT INTO attendance VALUES(1,'Fri-F1/T-OKAFOR','2026-11-27','Fri-F1','T-OKAFOR','MATH-7.RP.1','S-02');
INSERT INTO attendance VALUES(1,'Fri-F1/T-OKAFOR','2026-11-27','Fri-F1','T-OKAFOR','MATH-7.RP.1','S-03');
INSERT INTO attendance VALUES(1,'Fri-F2/T-OKAFOR','2026-11-27','Fri-F2','T-OKAFOR','MATH-7.RP.2','S-04');
INSERT INTO attendance VALUES(1,'Fri-F2/T-OKAFOR','2026-11-27','Fri-F2','T-OKAFOR','MATH-7.RP.2','S-06');
INSERT INTO attendance VALUES(2,'Wed-F1/T-CHEN','2026-11-25','Wed-F1','T-CHEN','MATH-7.NS.2','S-16');
INSERT INTO attendance VALUES(2,'Wed-F1/T-CHEN','2026-11-25','Wed-F1','T-CHEN','MATH-7.NS.2','S-17');
INSERT INTO attendance VALUES(2,'Wed-F1/T-OKAFOR','2026-11-25','Wed-F1','T-OKAFOR','MATH-7.RP.2','S-02');
INSERT INTO attendance VALUES(2,'Wed-F1/T-OKAFOR','2026-11-25','Wed-F1','T-OKAFOR','MATH-7.RP.2','S-07');
INSERT INTO attendance VALUES(2,'Wed-F1/T-RIVERA','2026-11-25','Wed-F1','T-RIVERA','MATH-7.EE.2','S-22');
INSERT INTO attendance VALUES(2,'Wed-F1/T-RIVERA','2026-11-25','Wed-F1','T-RIVERA','MATH-7.EE.2','S-23');
INSERT INTO attendance VALUES(2,'Wed-F2/T-OKAFOR','2026-11-25','Wed-F2','T-OKAFOR','MATH-7.NS.1','S-05');
INSERT INTO attendance VALUES(2,'Wed-F2/T-OKAFOR','2026-11-25','Wed-F2','T-OKAFOR','MATH-7.NS.1','S-11');
INSERT INTO attendance VALUES(2,'Wed-F2/T-OKAFOR','2026-11-25','Wed-F2','T-OKAFOR','MATH-7.NS.1','S-12');
INSERT INTO attendance VALUES(2,'Wed-F2/T-OKAFOR','2026-11-25','Wed-F2','T-OKAFOR','MATH-7.NS.1','S-13');
INSERT INTO attendance VALUES(2,'Wed-F2/T-OKAFOR','2026-11-25','Wed-F2','T-OKAFOR','MATH-7.NS.1','S-14');
INSERT INTO attendance VALUES(2,'Wed-F2/T-RIVERA','2026-11-25','Wed-F2','T-RIVERA','MATH-7.G.2','S-21');
INSERT INTO attendance VALUES(2,'Wed-F2/T-RIVERA','2026-11-25','Wed-F2','T-RIVERA','MATH-7.G.2','S-28');
CREATE TABLE IF NOT EXISTS "mastery_check" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL,
    student TEXT NOT NULL,
    objective TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('mastered', 'not-yet')),
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    recorded_at TEXT NOT NULL, withdrawn_at TEXT,
    UNIQUE (date, student, objective, result)
);
INSERT INTO mastery_check VALUES(1,'2026-11-23','S-01','MATH-7.RP.1','mastered','very good','/tmp/tf/fix/c3.csv','2026-12-06T14:55:31Z',NULL);
INSERT INTO mastery_check VALUES(2,'2026-11-23','S-04','MATH-7.RP.2','mastered','','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z','2026-12-06T14:55:31Z');
INSERT INTO mastery_check VALUES(3,'2026-11-23','S-05','MATH-7.RP.3','mastered','ahead','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z','2026-12-06T14:55:32Z');
INSERT INTO mastery_check VALUES(4,'2026-11-23','S-05','MATH-7.RP.2','mastered','','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z',NULL);
INSERT INTO mastery_check VALUES(5,'2026-11-23','S-11','MATH-7.NS.1','not-yet','','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z',NULL);
INSERT INTO mastery_check VALUES(6,'2026-11-23','S-30','MATH-7.SP.1','mastered','done','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z',NULL);
INSERT INTO mastery_check VALUES(7,'2026-11-24','S-15','MATH-7.NS.2','mastered','','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z',NULL);
INSERT INTO mastery_check VALUES(8,'2026-11-24','S-27','MATH-7.G.2','mastered','','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z',NULL);
INSERT INTO mastery_check VALUES(9,'2026-11-24','S-21','MATH-7.G.1','mastered','ahead of the progression','/tmp/tf/fix/c1.csv','2026-12-06T14:55:29Z',NULL);
INSERT INTO mastery_check VALUES(10,'2026-11-17','S-02','MATH-7.RP.1','mastered','back-filled','/tmp/tf/fix/c2.csv','2026-12-06T14:55:30Z',NULL);
INSERT INTO mastery_check VALUES(11,'2026-11-18','S-02','MATH-7.RP.2','not-yet','','/tmp/tf/fix/c2.csv','2026-12-06T14:55:30Z',NULL);
INSERT INTO mastery_check VALUES(12,'2026-11-19','S-01','MATH-7.RP.2','not-yet','','/tmp/tf/fix/c2.csv','2026-12-06T14:55:30Z',NULL);
INSERT INTO mastery_check VALUES(13,'2026-11-24','S-01','MATH-7.RP.2','mastered','','/tmp/tf/fix/c2.csv','2026-12-06T14:55:30Z',NULL);
INSERT INTO mastery_check VALUES(14,'2026-11-24','S-21','MATH-7.EE.2','mastered','','/tmp/tf/fix/c2.csv','2026-12-06T14:55:30Z',NULL);
INSERT INTO mastery_check VALUES(16,'2026-11-23','S-01','MATH-7.RP.3','mastered','','/tmp/tf/fix/c3.csv','2026-12-06T14:55:31Z',NULL);
INSERT INTO mastery_check VALUES(18,'2026-11-24','S-08','MATH-7.RP.3','mastered','','/tmp/tf/fix/c3.csv','2026-12-06T14:55:31Z',NULL);
INSERT INTO mastery_check VALUES(19,'2026-11-25','S-02','MATH-7.RP.2','mastered','','/tmp/tf/fix/c3.csv','2026-12-06T14:55:31Z',NULL);
INSERT INTO mastery_check VALUES(20,'2026-11-25','S-28','MATH-7.G.2','mastered','','/tmp/tf/fix/c3.csv','2026-12-06T14:55:31Z',NULL);
INSERT INTO mastery_check VALUES(21,'2026-11-25','S-28','MATH-7.SP.1','mastered','','/tmp/tf/fix/c3.csv','2026-12-06T14:55:31Z',NULL);
CREATE TABLE IF NOT EXISTS "advance" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    check_id INTEGER NOT NULL REFERENCES "mastery_check"(id),
    date TEXT NOT NULL,
    student TEXT NOT NULL,
    subject TEXT NOT NULL,
    from_objective TEXT NOT NULL,
    to_objective TEXT,
    explanation TEXT NOT NULL
);
INSERT INTO advance VALUES(4,6,'2026-11-23','S-30','MATH','MATH-7.SP.1',NULL,'mastered MATH-7.SP.1; progression complete');
INSERT INTO advance VALUES(5,7,'2026-11-24','S-15','MATH','MATH-7.NS.2','MATH-7.EE.1','mastered MATH-7.NS.2; now on MATH-7.EE.1');
INSERT INTO advance VALUES(6,8,'2026-11-24','S-27','MATH','MATH-7.G.2','MATH-7.SP.1','mastered MATH-7.G.2; now on MATH-7.SP.1');
INSERT INTO advance VALUES(7,10,'2026-11-17','S-02','MATH','MATH-7.RP.1','MATH-7.RP.2','mastered MATH-7.RP.1; now on MATH-7.RP.2');
INSERT INTO advance VALUES(8,14,'2026-11-24','S-21','MATH','MATH-7.EE.2','MATH-7.G.2','mastered MATH-7.EE.2, skipped MATH-7.G.1 (mastery shown earlier); now on MATH-7.G.2');
INSERT INTO advance VALUES(11,18,'2026-11-24','S-08','MATH','MATH-7.RP.3','MATH-7.NS.1','mastered MATH-7.RP.3; now on MATH-7.NS.1');
INSERT INTO advance VALUES(12,19,'2026-11-25','S-02','MATH','MATH-7.RP.2','MATH-7.RP.3','mastered MATH-7.RP.2; now on MATH-7.RP.3');
INSERT INTO advance VALUES(13,20,'2026-11-25','S-28','MATH','MATH-7.G.2','MATH-7.SP.1','mastered MATH-7.G.2; now on MATH-7.SP.1');
INSERT INTO advance VALUES(14,21,'2026-11-25','S-28','MATH','MATH-7.SP.1',NULL,'mastered MATH-7.SP.1; progression complete');
INSERT INTO advance VALUES(15,1,'2026-11-23','S-01','MATH','MATH-7.RP.1','MATH-7.RP.2','mastered MATH-7.RP.1; now on MATH-7.RP.2');
INSERT INTO advance VALUES(16,13,'2026-11-24','S-01','MATH','MATH-7.RP.2','MATH-7.NS.1','mastered MATH-7.RP.2, skipped MATH-7.RP.3 (mastery shown earlier); now on MATH-7.NS.1');
INSERT INTO advance VALUES(17,4,'2026-11-23','S-05','MATH','MATH-7.RP.2','MATH-7.RP.3','mastered MATH-7.RP.2; now on MATH-7.RP.3');
CREATE TABLE day_revision (date TEXT PRIMARY KEY, revision INTEGER NOT NULL);
INSERT INTO day_revision VALUES('2026-11-25',1);
CREATE TABLE absence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('student', 'teacher')),
    person TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    UNIQUE (date, kind, person, period)
);
INSERT INTO absence VALUES(1,'2026-11-25','student','S-03','','dentist','2026-12-06T14:55:30Z');
CREATE TABLE access (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('scheduler', 'teacher', 'family')),
    person TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    expires TEXT,
    revoked_at TEXT
, calendar_hash TEXT);
CREATE TABLE term (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    started_on TEXT NOT NULL,
    history_from TEXT NOT NULL CHECK (history_from <= started_on)
);
INSERT INTO term VALUES(1,'2026-11-23','2026-11-16');
CREATE TABLE portal_session (
    id_hash TEXT PRIMARY KEY,
    access_id INTEGER NOT NULL REFERENCES access(id),
    csrf TEXT NOT NULL,
    calendar_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('mastery_check',21);
INSERT INTO sqlite_sequence VALUES('advance',17);
INSERT INTO sqlite_sequence VALUES('plan',2);
INSERT INTO sqlite_sequence VALUES('absence',1);
CREATE INDEX attendance_by_student ON attendance(student, objective, date);
CREATE INDEX mastery_check_by_student ON mastery_check(student, date);
CREATE INDEX absence_by_date ON absence(date);
CREATE UNIQUE INDEX access_calendar_hash ON access (calendar_hash);
CREATE INDEX portal_session_by_access ON portal_session(access_id, created_at);
COMMIT;
