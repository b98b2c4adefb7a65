import Foundation
import GRDB
@testable import PacerCore
import PacerTestSupport
import Testing

/// Four school weeks of the tiny school (30 students, 3 teachers; the middle school would take
/// several minutes per run in a debug build) driven through the real commands, as a school runs
/// them: each Monday the week is planned from the state and published; each morning the day is
/// regrouped, verified and published; each evening checks drawn with a fixed seed are recorded,
/// with a few absences, one teacher's sick day and one mistaken check that is withdrawn.
@Suite(.serialized) struct SimulatedTermTests {
    /// A small seeded generator (SplitMix64), so the term is the same on every run.
    struct Draws {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    func pacer(_ arguments: [String]) throws -> String {
        let (status, output, errors) = try runPacerCapturing(arguments)
        #expect(status == 0, "pacer \(arguments.joined(separator: " ")): \(errors) \(output.suffix(400))")
        return output
    }

    @Test func fourWeeksRunThroughTheCommandsWithoutTouchingStudentsCSV() throws {
        let school = temporaryFolder(), out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: school); try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.copyItem(atPath: repository + "/scenarios/tiny-school", toPath: school)
        let studentsCSV = try Data(contentsOf: URL(fileURLWithPath: school + "/students.csv"))
        let scenario = try ScenarioLoader.load(school)
        _ = try pacer(["init", school, "--date", "2026-11-23"])
        let limits = ["--node-limit", "30", "--time-limit", "20"]
        var draws = Draws(state: 2026)
        var recorded: [String] = []        // date|student|objective|result of every check recorded
        var withdrawn: Set<String> = []
        var absentStudents: [(date: String, student: String)] = []
        let sickTeacher = "T-RIVERA", sickDay = "2026-12-02"
        var movedOn: [(date: SchoolDate, student: String, objective: String)] = []
        // Each student who moved on, until two school days after: served on the new objective, or
        // listed unserved with the reason (no qualified teacher, room or block free), by then.
        var pending: [String: (deadline: SchoolDate, done: Bool)] = [:]
        func schoolDays(after day: SchoolDate, _ n: Int) -> SchoolDate {
            var d = day, left = n
            while left > 0 { d = d.adding(days: 1); if (2...6).contains(d.weekday) { left -= 1 } }
            return d
        }

        for week in 0..<4 {
            let monday = SchoolDate("2026-11-23")!.adding(days: 7 * week)
            _ = try pacer(["plan", school, "--week-of", monday.text, "--out", out + "/w\(week)", "--quiet"] + limits)
            _ = try pacer(["verify", school, out + "/w\(week)/plan.json"])
            _ = try pacer(["publish", school, out + "/w\(week)/plan.json"])
            for offset in 0..<5 {
                let day = monday.adding(days: offset)
                // Mornings: the sick teacher, and a student known to be away.
                if day.text == sickDay { _ = try pacer(["absent", school, "--date", day.text, "teacher:\(sickTeacher)", "--note", "sick"]) }
                if offset == 2 {
                    let student = String(format: "S-%02d", 1 + week * 7)
                    _ = try pacer(["absent", school, "--date", day.text, "student:\(student)"])
                    absentStudents.append((day.text, student))
                }
                let folder = out + "/\(day)"
                _ = try pacer(["regroup", school, "--date", day.text, "--out", folder] + limits)
                _ = try pacer(["verify", school, folder + "/plan.json"])
                _ = try pacer(["publish", school, folder + "/plan.json"])
                let plan = try PlanFile.read(folder + "/plan.json")
                for (key, entry) in pending where !entry.done && day <= entry.deadline {
                    let parts = key.split(separator: "|").map(String.init)
                    if plan.sessions.contains(where: { $0.objective.rawValue == parts[1] && $0.students.contains(StudentID(rawValue: parts[0])) })
                        || plan.unserved.contains(where: { $0.student.rawValue == parts[0] && $0.objective.rawValue == parts[1] && !$0.reason.text.isEmpty }) {
                        pending[key]?.done = true
                    }
                }
                // Evenings: a student away after the fact (Thursdays), then the day's checks.
                var evening = "date,student,objective,result,note\n"
                var absentNow = Set(absentStudents.filter { $0.date == day.text }.map(\.student))
                if offset == 3, let late = plan.sessions.first?.students.first {
                    _ = try pacer(["absent", school, "--date", day.text, "student:\(late)"])
                    absentStudents.append((day.text, late.rawValue))
                    absentNow.insert(late.rawValue)
                }
                for session in plan.sessions {
                    for student in session.students where !absentNow.contains(student.rawValue) {
                        let result = draws.next() < 0.45 ? "mastered" : "not-yet"
                        evening += "\(day),\(student),\(session.objective),\(result),drawn\n"
                        recorded.append("\(day)|\(student)|\(session.objective)|\(result)")
                        if result == "mastered", let next = scenario.objective(session.objective).flatMap({ o in
                            scenario.subjects.first { $0.id == o.subject }?.objectives.drop { $0.id != o.id }.dropFirst().first }) {
                            movedOn.append((day, student.rawValue, next.id.rawValue))
                        }
                    }
                }
                try evening.write(toFile: folder + "/checks.csv", atomically: true, encoding: .utf8)
                _ = try pacer(["record", school, "--checks", folder + "/checks.csv", "--date", day.text])
                for m in movedOn where m.date == day { pending["\(m.student)|\(m.objective)"] = (schoolDays(after: day, 2), false) }
            }
            if week == 1 {
                // A mistaken check (a not-yet for someone who was not there) is recorded, then withdrawn.
                let mistake = "date,student,objective,result\n2026-12-04,S-30,MATH-7.SP.1,not-yet\n"
                try mistake.write(toFile: out + "/mistake.csv", atomically: true, encoding: .utf8)
                let said = try pacer(["record", school, "--checks", out + "/mistake.csv", "--date", "2026-12-04"])
                let id = try #require(said.firstMatch(of: /\[check (\d+)\]/)?.1).description
                _ = try pacer(["record", school, "--withdraw", id])
                recorded.append("2026-12-04|S-30|MATH-7.SP.1|not-yet")
                withdrawn.insert("2026-12-04|S-30|MATH-7.SP.1|not-yet")
            }
        }

        // Each objective mastered, by whom and when, in the history the checks make.
        let mastered = try StateStore(path: school + "/pacer-state.sqlite").read { db in
            try StateStore.derivedHistory(db, scenario: scenario).tracks.flatMap { key, track in
                track.entries.compactMap { entry in entry.masteredOn.map { (student: key.student.rawValue, objective: entry.objective.rawValue, on: $0.text) } }
            }
        }
        #expect(!mastered.isEmpty)
        let db = try DatabaseQueue(path: school + "/pacer-state.sqlite")
        try db.read { db in
            // Nobody attended a session on an objective mastered before that day.
            for m in mastered {
                let stale = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE student = ? AND objective = ? AND date > ?",
                                             arguments: [m.student, m.objective, m.on]) ?? -1
                #expect(stale == 0, "\(m.student) attended \(m.objective) after mastering it on \(m.on)")
            }
            // Absent students did not receive the sessions of their absence.
            for a in absentStudents {
                let attended = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE date = ? AND student = ?", arguments: [a.date, a.student]) ?? -1
                #expect(attended == 0, "\(a.student) was away on \(a.date)")
            }
            // The sick teacher had no session that day.
            let sick = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE date = ? AND teacher = ?", arguments: [sickDay, sickTeacher]) ?? -1
            #expect(sick == 0)
            // The state's checks are exactly what was recorded, the withdrawal included.
            let rows = try Row.fetchAll(db, sql: "SELECT date, student, objective, result, withdrawn_at FROM mastery_check")
            let inState = rows.map { "\($0["date"] as String)|\($0["student"] as String)|\($0["objective"] as String)|\($0["result"] as String)" }
            #expect(inState.sorted() == recorded.sorted())
            #expect(Set(rows.filter { ($0["withdrawn_at"] as String?) != nil }.map { "\($0["date"] as String)|\($0["student"] as String)|\($0["objective"] as String)|\($0["result"] as String)" }) == withdrawn)
        }
        // Every student who moved on got a workshop on the new objective within two school days,
        // or the day's plan said why not (no qualified teacher, room or block free).
        let lastDay = SchoolDate("2026-12-18")!
        let missed = pending.filter { !$0.value.done && $0.value.deadline <= lastDay }.map(\.key)
        #expect(missed.isEmpty, "neither served nor explained within two school days: \(missed.sorted())")
        let served = pending.filter(\.value.done).count
        #expect(movedOn.count >= 20 && served >= movedOn.count / 2, "\(served) of \(movedOn.count) who moved on were followed")
        #expect(absentStudents.count == 8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: school + "/students.csv")) == studentsCSV, "students.csv untouched")
    }

    /// A term that does what school years do: three weeks of the tiny school with a holiday week
    /// in the middle (scenario.yaml), a student who leaves on the first Wednesday, one who joins
    /// after the holiday, and a snow day recorded the evening before it, after its week was
    /// published. Driven through the commands as above.
    @Test func aTermAcrossAHolidayWeekWithALeaverAJoinerAndASnowDay() throws {
        let school = try tinySchoolCopy(calendar: """
              term: {first_day: 2026-11-16, last_day: 2026-12-18}
              holidays:
                - {from: 2026-11-23, to: 2026-11-27, note: Thanksgiving break}

            """), out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: school); try? FileManager.default.removeItem(atPath: out) }
        _ = try pacer(["init", school, "--date", "2026-11-16"])
        let limits = ["--node-limit", "30", "--time-limit", "20"]
        var draws = Draws(state: 7)
        let leaver = "S-05", joiner = "S-40", snowDay = "2026-12-02"
        var regrouped: [String: WeekPlan] = [:]

        for monday in ["2026-11-16", "2026-11-23", "2026-11-30"].compactMap(SchoolDate.init) {
            if monday.text == "2026-11-30" {
                _ = try pacer(["enroll", school, "student:\(joiner)", "--date", monday.text, "--name", "Ana Ruiz", "--grade", "7",
                               "--objective", "MATH=MATH-7.RP.1"])
            }
            let week = out + "/w\(monday)"
            let (status, said, errors) = try runPacerCapturing(["plan", school, "--week-of", monday.text, "--out", week, "--quiet"] + limits)
            if monday.text == "2026-11-23" {
                // The holiday week has nothing to plan, and says why.
                #expect(status != 0 && errors.contains("every flex block of the week of 2026-11-23 is closed (Thanksgiving break)"), "\(said) \(errors)")
                for offset in 0..<5 {
                    let (status, said, errors) = try runPacerCapturing(["regroup", school, "--date", monday.adding(days: offset).text, "--out", out + "/h\(offset)"] + limits)
                    #expect(status != 0 && errors.contains("closed: Thanksgiving break"), "\(said) \(errors)")
                }
                continue
            }
            #expect(status == 0, "\(said) \(errors)")
            _ = try pacer(["publish", school, week + "/plan.json"])
            for offset in 0..<5 {
                let day = monday.adding(days: offset)
                if day.text == "2026-11-18" { _ = try pacer(["leave", school, "student:\(leaver)", "--date", day.text, "--note", "moved away"]) }
                let folder = out + "/\(day)"
                if day.text == snowDay {
                    let (status, said, errors) = try runPacerCapturing(["regroup", school, "--date", day.text, "--out", folder] + limits)
                    #expect(status != 0 && errors.contains("Snow day"), "\(said) \(errors)")
                    continue
                }
                _ = try pacer(["regroup", school, "--date", day.text, "--out", folder] + limits)
                _ = try pacer(["verify", school, folder + "/plan.json"])
                _ = try pacer(["publish", school, folder + "/plan.json"])
                let plan = try PlanFile.read(folder + "/plan.json")
                regrouped[day.text] = plan
                var evening = "date,student,objective,result\n"
                for session in plan.sessions {
                    for student in session.students { evening += "\(day),\(student),\(session.objective),\(draws.next() < 0.4 ? "mastered" : "not-yet")\n" }
                }
                try evening.write(toFile: folder + "/checks.csv", atomically: true, encoding: .utf8)
                _ = try pacer(["record", school, "--checks", folder + "/checks.csv", "--date", day.text])
                // The snow day is called the evening before, after its week was published.
                if day.adding(days: 1).text == snowDay { _ = try pacer(["closed", school, snowDay, "--note", "Snow day"]) }
            }
        }

        func places(_ plan: WeekPlan) -> Set<String> {
            let seated: [StudentID] = plan.sessions.flatMap(\.students) + (plan.study ?? []).flatMap { $0.students.map(\.student) }
            return Set(seated.map(\.rawValue))
        }
        // The leaver is in no plan from the day they left; the joiner is in every day after the holiday.
        for (date, plan) in regrouped {
            if date >= "2026-11-18" { #expect(!places(plan).contains(leaver), "\(leaver) placed on \(date) after leaving") }
            if date >= "2026-11-30" { #expect(places(plan).contains(joiner), "\(joiner) has no place on \(date)") }
        }
        #expect(regrouped.keys.sorted() == ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20",
                                            "2026-11-30", "2026-12-01", "2026-12-03", "2026-12-04"])
        let db = try DatabaseQueue(path: school + "/pacer-state.sqlite")
        try db.read { db in
            // Nobody attended anything in the holiday week or on the snow day, nor the leaver after leaving.
            let closed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE (date >= '2026-11-23' AND date <= '2026-11-27') OR date = ?", arguments: [snowDay])
            #expect(closed == 0)
            let afterLeaving = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE student = ? AND date >= '2026-11-18'", arguments: [leaver])
            #expect(afterLeaving == 0)
        }
        // The leaver's history stays, with the day they left; the joiner's starts on their objective.
        let leaverStatus = try pacer(["status", school, "--student", leaver])
        #expect(leaverStatus.contains("left on 2026-11-18 (moved away)"), "\(leaverStatus)")
        let joinerStatus = try pacer(["status", school, "--student", joiner])
        #expect(joinerStatus.contains("Ana Ruiz") && joinerStatus.contains("MATH-7.RP.1"), "\(joinerStatus)")
        // The snow day shows as closed, and the week's calendar cancels what it had that day, with the reason.
        let snow = try pacer(["status", school, "--date", snowDay])
        #expect(snow.contains("closed: Snow day"), "\(snow)")
        _ = try pacer(["export", school, out + "/w2026-11-30/plan.json", "--format", "ics", "--week-of", "2026-11-30", "--out", out + "/ics"])
        let calendars = try FileManager.default.subpathsOfDirectory(atPath: out + "/ics").filter { $0.hasSuffix(".ics") }
        #expect(!calendars.isEmpty)
        let ics = try calendars.map { try String(contentsOfFile: out + "/ics/" + $0, encoding: .utf8) }.joined()
        #expect(ics.contains("STATUS:CANCELLED") && ics.contains("Closed: Snow day"))
    }
}
