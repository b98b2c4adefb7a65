import Plot

/// A self-contained folder of HTML pages (no network; the style sheet is inline): `index.html`;
/// for each teacher, room and student a timetable of days × flex periods; for each teacher a daily
/// roster per day (block and times, room, objective and title, students with their flags, who is
/// new to the group); for each adult supervising independent study a roster of their study groups
/// (`supervision-ID.html`); students' timetables show their study blocks and any block with no
/// place, with the reason; `rooms.html`, the room occupancy; `unserved.html`. Built with Plot, which
/// escapes all text. Prints one person per page on A4 or Letter and reads on a phone.
public struct HTMLExporter: PlanExporter {
    public init() {}

    public func files(_ context: ExportContext) throws -> [String: String] {
        let sessions = context.sessions
        // A regrouped day also has pages for the people whose sessions were all cancelled.
        let cancelled = context.cancelledSessions, cancelledPlaces = context.cancelledPlaces
        // Sessions on a date or period closed since (a holiday, a snow day) are listed with why.
        let closed = context.closedSessions
        let teachers = Set(sessions.map(\.teacher) + cancelled.map(\.teacher) + closed.map(\.session.teacher)).sorted()
        let rooms = Set(sessions.map(\.room)).sorted()
        // Independent study: every student in a study group or with no place has a page too, and
        // each supervising adult a page of their study groups.
        let study = context.studyGroups, places = context.studyPlaces, unplaced = context.unplaced
        let adults = context.supervisingAdults
        let students = Set(sessions.flatMap { context.students(of: $0) } + cancelledPlaces.map(\.student)
            + closed.flatMap { context.students(of: $0.session) }
            + study.flatMap { context.students(of: $0).map(\.student) } + unplaced.map(\.student)).sorted()
        var files = ["index.html": indexPage(context, teachers: teachers, rooms: rooms, students: students, adults: adults)]
        for t in teachers {
            files[Self.page("teacher", t.rawValue)] = teacherPage(
                t, context, sessions: sessions.filter { $0.teacher == t }, cancelled: cancelled.filter { $0.teacher == t },
                closed: closed.filter { $0.session.teacher == t },
                supervises: adults.contains { $0.rawValue == t.rawValue })
        }
        for r in rooms {
            files[Self.page("room", r.rawValue)] = roomPage(r, context, sessions: sessions.filter { $0.room == r })
        }
        for st in students {
            files[Self.page("student", st.rawValue)] = studentPage(
                st, context, sessions: sessions.filter { $0.students.contains(st) },
                cancelled: cancelledPlaces.filter { $0.student == st }.map(\.session),
                closed: closed.filter { context.students(of: $0.session).contains(st) },
                study: places.filter { $0.key.student == st }.map(\.value).sorted { $0.group.block.rawValue < $1.group.block.rawValue },
                unplaced: unplaced.filter { $0.student == st })
        }
        for a in adults {
            files[Self.page("supervision", a.rawValue)] = supervisionPage(a, context, groups: study.filter { $0.adults.contains(a) })
        }
        files["rooms.html"] = occupancyPage(context, sessions)
        files["unserved.html"] = unservedPage(context)
        return files
    }

    /// `index.html`: the plan's summary, links to every teacher's, room's and student's page
    /// (students by grade, with a search box), to the room occupancy and to the unserved.
    private func indexPage(_ context: ExportContext, teachers: [TeacherID], rooms: [RoomID], students: [StudentID], adults: [AdultID]) -> String {
        let headline = PlanHeadline(plan: context.plan, scenario: context.scenario)
        return page("Workshops: \(context.plan.header.scenario)", context, body: [
            .h1(.text(context.plan.header.scenario)),
            .p(.text(summary(context, headline))),
            .p(.class("technical"), .text("For the technical reader: " + headline.technical
                + ". The objective is the plan's cost under the scenario's policy (lower is better); the lower bound is proven: no plan costs less.")),
            .h2("Teachers"), .ul(.forEach(teachers) { t in .li(.a(.href(Self.page("teacher", t.rawValue)), .text("\(context.teacherName(t)) (\(t))"))) }),
            .if(!adults.isEmpty, .group(
                .h2("Independent study"),
                .if(context.plan.header.placements != nil, .p(.text(placementsSentence(context.plan.header.placements)))),
                .ul(.forEach(adults) { a in .li(.a(.href(Self.page("supervision", a.rawValue)), .text("\(context.adultName(a)): supervision"))) }))),
            noPlace(context),
            .h2("Rooms"), .p(.a(.href("rooms.html"), "Room occupancy")),
            .ul(.forEach(rooms) { r in .li(.a(.href(Self.page("room", r.rawValue)), .text(context.roomName(r)))) }),
            .h2("Students"),
            .element(named: "label", nodes: [.text("Find a student "),
                .input(.type(.search), .id("find"), .attribute(named: "placeholder", value: "name"), .attribute(named: "oninput", value: "find(this.value)"))]),
            .forEach(studentsByGrade(students, context)) { grade, ids in
                .section(.class("grade"),
                    .h3(.text(grade.isEmpty ? "No grade" : "Grade \(grade)")),
                    .ul(.class("columns"), .forEach(ids) { s in
                        .li(.a(.href(Self.page("student", s.rawValue)), .text(context.student(s)?.name ?? s.rawValue)))
                    }))
            },
            .script(.raw(Self.findScript)),
            .h2("Unserved"), .p(.a(.href("unserved.html"), .text("\(context.plan.unserved.count) student(s) short of what they need"))),
        ])
    }

    /// A teacher's page: what a regrouping cancelled, a roster per day they teach, then their week.
    private func teacherPage(_ t: TeacherID, _ context: ExportContext, sessions mine: [PlannedSession],
                             cancelled: [PlannedSession], closed: [(session: PlannedSession, closure: Closure)], supervises: Bool) -> String {
        page("\(context.teacherName(t)): workshops", context, body: [
            .p(.class("nav"), .a(.href("index.html"), "All timetables")),
            .h1(.text(context.teacherName(t))),
            .if(supervises, .p(.a(.href(Self.page("supervision", t.rawValue)), "Your independent study groups (supervision roster)"))),
            // The day's groups first (what a teacher reads at 7:45), then the week at a glance.
            cancellations(cancelled, context),
            closures(closed, context),
            .forEach(context.scenario.calendar.days.filter { d in mine.contains { $0.day == d.id } }) { day in
                .section(.class("roster"),
                    .h2(.text("\(context.teacherName(t)): \(day.id) \(context.date(day.id))")),
                    .forEach(mine.filter { $0.day == day.id }) { s in roster(s, context) })
            },
            .h2("The week"),
            grid(context, mine) { s in [.span(.class("id"), .text(s.objective.rawValue)), .br(), .text(context.roomName(s.room)), .br(),
                                        .text("\(context.students(of: s).count) students")] },
            .p(.class("note"), .text("Tick mastered or not yet on the printed rosters, or fill in check-sheets/\(FileName.encode(t.rawValue)).csv "
                + "from the CSV export and record it with pacer record --checks.")),
        ])
    }

    /// A room's page: its week, each session with its objective and teacher.
    private func roomPage(_ r: RoomID, _ context: ExportContext, sessions: [PlannedSession]) -> String {
        page("\(context.roomName(r)): occupancy", context, body: [
            .p(.class("nav"), .a(.href("index.html"), "All timetables")),
            .h1(.text(context.roomName(r))),
            grid(context, sessions) { s in
                [.strong(.text(s.objective.rawValue)), .br(), .text(context.teacherName(s.teacher))]
            },
        ])
    }

    /// A student's page: their week as a list, then at a glance (every empty cell says why), then
    /// what a regrouping cancelled.
    private func studentPage(_ st: StudentID, _ context: ExportContext, sessions mine: [PlannedSession],
                             cancelled: [PlannedSession], closed: [(session: PlannedSession, closure: Closure)],
                             study: [(group: StudyGroup, place: StudyPlace)],
                             unplaced: [UnplacedStudent]) -> String {
        page("\(context.student(st)?.name ?? st.rawValue): workshops", context, body: [
            .p(.class("nav"), .a(.href("index.html"), "All timetables")),
            .h1(.text(context.student(st)?.name ?? st.rawValue)),
            closures(closed, context),
            weekList(context, mine, study: study, unplaced: unplaced),
            .h2("The week at a glance"),
            grid(context, mine, cell: { s in
                [.strong(.text(context.subjectName(s.subject))), .text(": " + context.objectiveTitle(s.objective)), .br(),
                 .text("\(context.teacherName(s.teacher)), \(context.roomName(s.room))"), .br(), .span(.class("code"), .text(s.objective.rawValue))]
            }, empty: { block in
                // A parent reads every cell: one without a workshop says where the student is, or why it is empty.
                if let (g, place) = study.first(where: { $0.group.block == block }) {
                    return [.strong("Independent study"), .if(place.objective != nil, .text(": " + (place.objective.map(context.objectiveTitle) ?? ""))), .br(),
                            .text("\(context.roomName(g.room)), with \(context.adultNames(g.adults))")]
                }
                if let u = unplaced.first(where: { $0.block == block }) {
                    return [.span(.class("noplace"), .text("No place this block: " + u.reason))]
                }
                return context.student(st)?.unavailable.contains(block) == true
                    ? [.span(.class("free"), "Busy: not free for workshops")] : [.span(.class("free"), "No workshop this block")]
            }),
            cancellations(cancelled, context),
        ])
    }

    /// `rooms.html`: every room across the flex blocks of the plan's days, used or free.
    private func occupancyPage(_ context: ExportContext, _ sessions: [PlannedSession]) -> String {
        let blocks = context.scenario.calendar.flexBlocks.filter { b in context.day == nil || b.day == context.day }
        var study: [RoomID: [BlockID: StudyGroup]] = [:]
        for g in context.studyGroups { study[g.room, default: [:]][g.block] = g }
        return page("Room occupancy", context, body: [
            .p(.class("nav"), .a(.href("index.html"), "All timetables")),
            .h1("Room occupancy"),
            .div(.class("scroll"), .table(
                .tr(.th("Room"), .forEach(blocks) { b in
                    .th(.text("\(b.day) \(context.date(b.day))"), .br(), .text("\(b.period.rawValue) \(clockText(b.start))–\(clockText(b.end))"))
                }),
                .forEach(context.scenario.rooms) { room in
                    .tr(.th(.text(room.name)), .forEach(blocks) { b in
                        guard let s = sessions.first(where: { $0.room == room.id && $0.block == b.id }) else {
                            guard let g = study[room.id]?[b.id] else { return .td(.class("free")) }
                            return .td(.class("study"), .text("Study: \(context.students(of: g).count) students, \(context.adultNames(g.adults))"))
                        }
                        return .td(.class("used"), .span(.class("id"), .text(s.objective.rawValue)), .br(),
                                   .text("\(context.teacherName(s.teacher)), \(context.students(of: s).count) students"))
                    })
                })),
        ])
    }

    /// `unserved.html`: the students short of what they need, with what they got and why.
    private func unservedPage(_ context: ExportContext) -> String {
        page("Unserved students", context, body: [
            .p(.class("nav"), .a(.href("index.html"), "All timetables")),
            .h1("Students short of what they need"),
            .p(.text("By grade, students flagged priority first, then by name.")),
            .div(.class("scroll"), .table(
                .tr(.th("Grade"), .th("Student"), .th("Priority"), .th("Objective"), .th("Got"), .th("Reason")),
                .forEach(unservedInOrder(context)) { u in
                    let student = context.student(u.student)
                    return .tr(.td(.text(student?.grade ?? "")), .td(.text(student?.name ?? u.student.rawValue)),
                               .td(.text(student?.flags.contains(.priority) == true ? "priority" : "")),
                               .td(.span(.class("id"), .text(u.objective.rawValue)), .br(), .text(context.objectiveTitle(u.objective))),
                               .td(.text("\(u.got) of \(u.wanted)")), .td(.text(u.reason.text)))
                })),
        ])
    }

    /// The students of the pages, grouped by grade (numbers in order) and sorted by name in each.
    private func studentsByGrade(_ students: [StudentID], _ context: ExportContext) -> [(String, [StudentID])] {
        let groups = Dictionary(grouping: students) { context.student($0)?.grade ?? "" }
        return groups.keys.sorted { Self.gradeOrder($0) < Self.gradeOrder($1) }.map { grade in
            (grade, (groups[grade] ?? []).sorted { (context.student($0)?.name ?? "", $0.rawValue) < (context.student($1)?.name ?? "", $1.rawValue) })
        }
    }

    /// Grades in order: numbers as numbers (6 before 10), then the rest by name.
    static func gradeOrder(_ grade: String) -> (Int, String) { (Int(grade) ?? Int.max, grade) }

    /// Hides the students whose names do not hold the typed text, and grades left empty.
    static let findScript = """
        function find(text){text=text.trim().toLowerCase();document.querySelectorAll('section.grade').forEach(function(g){var shown=0;\
        g.querySelectorAll('li').forEach(function(li){var hit=li.textContent.toLowerCase().indexOf(text)>=0;li.hidden=!hit;if(hit)shown++;});\
        g.hidden=shown===0;});}
        """

    /// The unserved students by grade (as numbers where they are), priority first, then by name.
    private func unservedInOrder(_ context: ExportContext) -> [UnservedStudent] {
        func key(_ u: UnservedStudent) -> (Int, String, Int, String, String) {
            let student = context.student(u.student), (number, grade) = Self.gradeOrder(student?.grade ?? "")
            return (number, grade, student?.flags.contains(.priority) == true ? 0 : 1, student?.name ?? "", u.student.rawValue + u.objective.rawValue)
        }
        return context.plan.unserved.sorted { key($0) < key($1) }
    }

    /// The page of one teacher, room or student: `teacher-T-LEE.html` (`FileName` encodes the id).
    static func page(_ kind: String, _ id: String) -> String { "\(kind)-\(FileName.encode(id)).html" }

    /// A student's week as a list, day by day, that reads on a phone: each workshop with its time,
    /// subject, objective title, teacher and room, or that the day has none.
    private func weekList(_ context: ExportContext, _ mine: [PlannedSession], study: [(group: StudyGroup, place: StudyPlace)] = [],
                          unplaced: [UnplacedStudent] = []) -> Node<HTML.BodyContext> {
        let days = context.scenario.calendar.days.filter { context.day == nil || $0.id == context.day }
        let order = context.scenario.calendar.blockOrder
        return .ul(.class("week"), .forEach(days) { d in
            // Workshops, study and blocks with no place, in block order.
            let today: [(BlockID, Node<HTML.BodyContext>)] =
                mine.filter { $0.day == d.id }.map { s in
                    (s.block, .group(.text("\(s.start)–\(s.end) \(context.subjectName(s.subject)): \(context.objectiveTitle(s.objective)), with \(context.teacherName(s.teacher)) in \(context.roomName(s.room)) "),
                                     .span(.class("code"), .text("(\(s.objective.rawValue))"))))
                } + study.filter { $0.group.day == d.id }.map { g, place in
                    (g.block, .text("\(g.start)–\(g.end) \(context.studyWhat(place)), with \(context.adultNames(g.adults)) in \(context.roomName(g.room))"))
                } + unplaced.filter { context.scenario.calendar.block($0.block)?.day == d.id }.map { u in
                    (u.block, .span(.class("noplace"), .text("\(context.scenario.calendar.block(u.block).map { "\(clockText($0.start))–\(clockText($0.end))" } ?? u.block.rawValue) no place: \(u.reason)")))
                }
            let sorted = today.sorted { (order[$0.0] ?? 0) < (order[$1.0] ?? 0) }
            return .li(.strong(.text("\(d.id) \(context.date(d.id))".trimmingCharacters(in: .whitespaces))), .text(": "),
                       .if(sorted.isEmpty, .span(.class("free"), "no workshop")),
                       // One block a line: a day of two blocks reads on a phone.
                       .forEach(Array(sorted.enumerated())) { i, item in .group(.if(i > 0, .br()), item.1) })
        })
    }

    /// An adult's supervision roster: each study group by day, with its room, who else supervises
    /// and each student with what they work on, a box to tick them here and the students' flags.
    private func supervisionPage(_ a: AdultID, _ context: ExportContext, groups: [StudyGroup]) -> String {
        let name = context.adultName(a)
        return page("\(name): independent study", context, body: [
            .p(.class("nav"), .a(.href("index.html"), "All timetables")),
            .h1(.text("\(name): independent study")),
            .forEach(context.scenario.calendar.days.filter { d in groups.contains { $0.day == d.id } }) { day in
                .section(.class("roster"),
                    .h2(.text("\(name): \(day.id) \(context.date(day.id))")),
                    .forEach(groups.filter { $0.day == day.id }) { g in
                        let others = g.adults.filter { $0 != a }
                        return .div(.class("session"),
                            .h3(.text("\(g.start)–\(g.end) · \(context.roomName(g.room)) · independent study")),
                            .p(.class("title"), .text("\(context.students(of: g).count) students" + (others.isEmpty ? "" : ", with \(context.adultNames(others))"))),
                            .ol(.forEach(context.students(of: g)) { place in
                                let student = context.student(place.student)
                                return .li(.text(student?.name ?? place.student.rawValue),
                                           .if(!(student?.grade ?? "").isEmpty, .span(.class("grade"), .text(" (grade \(student?.grade ?? ""))"))),
                                           .forEach((student?.flags.map(\.rawValue) ?? []).sorted()) { f in .span(.class("flag"), .text(f)) },
                                           .span(.class("tick"), "☐ here"),
                                           .div(.class("title"), .text(place.objective.map(context.objectiveTitle) ?? "no objective left: free study")),
                                           // A check slot (docs/requests.md): the check the student asked for, and who holds it.
                                           .if(place.check != nil, .div(.class("flag"), .text("asked for a mastery check: "
                                               + (place.check?.rawValue == a.rawValue ? "yours to hold" : "with " + context.adultName(AdultID(rawValue: place.check?.rawValue ?? "")))))))
                            }))
                    })
            },
        ])
    }

    /// The index's list of students with no place in a block, with the reason, or nothing.
    private func noPlace(_ context: ExportContext) -> Node<HTML.BodyContext> {
        let unplaced = context.unplaced
        return .if(!unplaced.isEmpty, .group(
            .h2("No place"),
            .p(.text("\(unplaced.count) student-block(s) with neither a workshop nor a study place:")),
            .ul(.forEach(unplaced) { u in
                .li(.span(.class("noplace"), .text("\(context.student(u.student)?.name ?? u.student.rawValue), \(u.block): \(u.reason)")))
            })))
    }

    /// "4,448 student-blocks due: 1,736 in workshops, 2,712 in independent study, 0 with no place".
    private func placementsSentence(_ p: Placements?) -> String {
        guard let p else { return "" }
        return "\(PlanHeadline.count(p.due)) student-blocks due: \(PlanHeadline.count(p.inWorkshops)) in workshops, "
            + "\(PlanHeadline.count(p.inStudy)) in independent study, \(PlanHeadline.count(p.noPlace)) with no place."
    }

    /// The published sessions a regrouped day cancelled for one person, or nothing.
    /// The sessions a closure cancelled, each with why.
    private func closures(_ closed: [(session: PlannedSession, closure: Closure)], _ context: ExportContext) -> Node<HTML.BodyContext> {
        .if(!closed.isEmpty, .section(.class("cancelled"),
            .h2("Cancelled: school closed"),
            .ul(.forEach(closed) { s, closure in
                .li(.text("\(s.day) \(context.date(s.day)) \(s.start)–\(s.end): \(context.objectiveTitle(s.objective)) with \(context.teacherName(s.teacher)) "
                    + "in \(context.roomName(s.room)): closed (\(closure.note))"))
            })))
    }

    private func cancellations(_ sessions: [PlannedSession], _ context: ExportContext) -> Node<HTML.BodyContext> {
        .if(!sessions.isEmpty, .section(.class("cancelled"),
            .h2("Cancelled by today's regrouping"),
            .ul(.forEach(sessions) { s in
                .li(.text("\(s.day) \(context.date(s.day)) \(s.start)–\(s.end): \(s.objective.rawValue) with \(context.teacherName(s.teacher)) in \(context.roomName(s.room))"))
            })))
    }

    /// A session on a teacher's daily roster: its students (with who is new to the group) and who left it.
    private func roster(_ s: PlannedSession, _ context: ExportContext) -> Node<HTML.BodyContext> {
        let change = context.plan.changes?.teachers.first { $0.teacher == s.teacher && $0.block == s.block }
        let newcomers = Set(change?.studentsIn ?? [])
        let left = change?.studentsOut ?? []
        return .div(.class("session"),
            .h3(.text("\(s.start)–\(s.end) · \(context.roomName(s.room)) · "), .span(.class("id"), .text(s.objective.rawValue))),
            .p(.class("title"), .text(context.objectiveTitle(s.objective))),
            .if(change?.covers != nil, .p(.class("left"), .text("Covering for \(change?.covers.map(context.teacherName) ?? "")'s group"))),
            .ol(.forEach(context.students(of: s)) { id in
                let student = context.student(id)
                return .li(.text(student?.name ?? id.rawValue),
                           .if(!(student?.grade ?? "").isEmpty, .span(.class("grade"), .text(" (grade \(student?.grade ?? ""))"))),
                           .forEach((student?.flags.map(\.rawValue) ?? []).sorted()) { f in .span(.class("flag"), .text(f)) },
                           .if(newcomers.contains(id), .span(.class("new"), "new to the group")),
                           .span(.class("tick"), "☐ mastered ☐ not yet"))
            }),
            .if(!left.isEmpty, .p(.class("left"), .text("Left the group: " + left.map { context.student($0)?.name ?? $0.rawValue }.joined(separator: ", ")))))
    }

    /// Days across, flex periods down; each cell shows a session or stays empty.
    private func grid(_ context: ExportContext, _ sessions: [PlannedSession], cell: @escaping (PlannedSession) -> [Node<HTML.BodyContext>],
                      empty: @escaping (BlockID) -> [Node<HTML.BodyContext>] = { _ in [] }) -> Node<HTML.BodyContext> {
        let days = context.scenario.calendar.days.filter { context.day == nil || $0.id == context.day }
        let periods = context.scenario.calendar.periods.filter(\.isFlex)
        return .group(.if(days.count > 2, .p(.class("hint"), "Swipe the table sideways for the rest of the week →")), .div(.class("scroll"), .table(.class("grid"),
            .tr(.th(""), .forEach(days) { d in .th(.text("\(d.id) \(context.date(d.id))")) }),
            .forEach(periods) { p in
                .tr(.th(.text("\(p.id.rawValue) \(clockText(p.start))–\(clockText(p.end))")), .forEach(days) { d in
                    let block = Block.id(day: d.id, period: p.id)
                    if let s = sessions.first(where: { $0.day == d.id && $0.block == block }) {
                        return .td(.class("busy"), .group(cell(s)))
                    }
                    return .td(.group(empty(block)))
                })
            })))
    }

    private func summary(_ context: ExportContext, _ headline: PlanHeadline) -> String {
        let h = context.plan.header
        let when = h.kind == .day ? "Day plan for \(h.date ?? ""), regrouped from the term's state"
            : h.fromState == true ? "Week plan for the week of \(h.date ?? ""), planned from the term's state (students.csv is where the term started)"
            : "Week plan"
        return "\(when): " + headline.sentence + "."
    }

    private func page(_ title: String, _ context: ExportContext, body: [Node<HTML.BodyContext>]) -> String {
        HTML(
            .lang(.english),
            // Plot's `.title` component also writes the title into meta attributes, and Plot does not
            // escape attribute values; a bare <title> element gets escaped text. Attributes here carry
            // only ids (which cannot hold quotes) and fixed class names.
            .head(.encoding(.utf8), .element(named: "title", text: title), .viewport(.accordingToDevice), .style(Self.css)),
            .body(.group(body), .footer(.text("Pacer \(context.plan.header.pacerVersion) · scenario \(context.plan.header.scenarioHash.prefix(12))")))
        ).render(indentedBy: .spaces(1))
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.35}
        h1{font-size:1.5rem;margin:.2rem 0 .8rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ccc}
        h3{font-size:1rem;margin:.4rem 0}.nav{font-size:.9rem}a{color:#0b57d0}
        .scroll{overflow-x:auto}table{border-collapse:collapse;margin:.5rem 0}
        th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
        th{background:#f0f2f5}td.busy{background:#eaf3ea}td.used{background:#fdf0d5}td.free{color:#999}td.study{background:#eef0fb}.noplace{color:#8a1c1c;font-weight:600}
        .grid td{min-width:8.5rem}.session{border:1px solid #ccc;border-radius:6px;padding:.4rem .8rem;margin:.6rem 0;break-inside:avoid}
        .title{margin:.1rem 0 .3rem;color:#444}.flag{background:#fde7e7;color:#8a1c1c;border-radius:4px;padding:0 .3rem;margin-left:.4rem;font-size:.8rem}
        .new{background:#e3ecfd;color:#123a8a;border-radius:4px;padding:0 .3rem;margin-left:.4rem;font-size:.8rem}
        .left{color:#6b4b00;font-size:.9rem;margin:.2rem 0}.cancelled li{color:#8a1c1c}
        .columns{columns:16rem}.technical{color:#666;font-size:.85rem}.id{white-space:nowrap;font-weight:600}.code{color:#666;font-size:.8rem;white-space:nowrap}span.free{color:#888;font-size:.85rem}.week li{margin:.35rem 0}.grade{color:#555;font-size:.85rem}.tick{float:right;color:#555;font-size:.85rem;white-space:nowrap;margin-left:.6rem}.session li::after{content:\"\";display:block;clear:both}.note{color:#555;font-size:.85rem}.hint{display:none;color:#555;font-size:.85rem;margin:.2rem 0}footer{margin-top:2rem;font-size:.8rem;color:#777}
        @media (max-width:600px){body{margin:.6rem}th,td{font-size:.8rem;padding:.25rem}.hint{display:block}}
        @media print{@page{size:auto;margin:12mm}body{margin:0}.nav{display:none}.roster+.roster{break-before:page}a{color:inherit;text-decoration:none}}
        """
}
