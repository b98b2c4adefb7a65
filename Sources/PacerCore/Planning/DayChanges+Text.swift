/// A regrouped day's changes as the scheduler, a teacher or an aide reads them (`pacer regroup`
/// prints them, the portal's regroup page shows them): adult by adult, names and titles first and
/// ids after, with where the students who left a group went and who supervises study now.
public struct DayChangeText: Sendable, Equatable {
    public struct Adult: Sendable, Equatable {
        public let id: AdultID
        /// `Mr Chen`.
        public let name: String
        /// `Tue-F1: cancelled: Percent problems (MATH-7.RP.3), teacher away; out: Chloe Kim and Liam Chen to independent study in Learning commons`.
        public let lines: [String]
    }
    /// Adults with a change, by name.
    public let adults: [Adult]

    public init(_ plan: WeekPlan, scenario: Scenario) {
        guard let changes = plan.changes else {
            adults = []
            return
        }
        let words = Words(plan: plan, scenario: scenario)
        var lines: [AdultID: [(block: BlockID, text: String)]] = [:]
        var told: Set<AdultBlock> = []
        for t in changes.teachers {
            let adult = AdultID(rawValue: t.teacher.rawValue)
            lines[adult, default: []].append((t.block, words.line(t, in: changes)))
            if t.supervisesInstead != nil { told.insert(AdultBlock(adult, t.block)) }
        }
        for s in changes.supervision ?? [] where !told.contains(AdultBlock(s.adult, s.block)) {
            lines[s.adult, default: []].append((s.block, words.line(s)))
        }
        let order = scenario.calendar.blockOrder
        adults = lines.map { adult, lines in
            Adult(id: adult, name: scenario.adultName(adult),
                  lines: lines.sorted { (order[$0.block] ?? 0) < (order[$1.block] ?? 0) }.map { "\($0.block): \($0.text)" })
        }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The words for one change, from the plan and the scenario.
    private struct Words {
        let plan: WeekPlan
        let scenario: Scenario

        /// `Percent problems (MATH-7.RP.3)`.
        func objective(_ id: ObjectiveID) -> String { "\(scenario.objectiveTitle(id)) (\(id))" }

        /// `independent study in Learning commons`.
        func study(_ room: RoomID) -> String { "independent study in \(scenario.roomName(room))" }

        func line(_ t: DayChanges.TeacherChange, in changes: DayChanges) -> String {
            var line: String, gaveWay = ""
            let awayCover = changes.covers?.first { $0.teacher == t.teacher && $0.block == t.block }
            switch (t.objectiveBefore, t.objectiveAfter) {
            case let (before?, after?) where before != after:
                line = "\(objective(before)) → \(objective(after))"
                if let cover = changes.covers?.first(where: { $0.coveredBy == t.teacher && $0.block == t.block }) {
                    line += ", covering \(scenario.teacherName(cover.teacher)) (away)"
                    if let gave = cover.gaveWay { gaveWay = "; gives up this group to cover: " + cheaper(cover, gave) }
                }
            case (_?, nil) where awayCover != nil:
                line = "away: " + (awayCover.map(away) ?? "")
            case let (before?, nil):
                line = "cancelled: \(objective(before))"
                if t.away == true { line += ", teacher away" }
                if let room = t.supervisesInstead { line += "; supervises \(study(room)) instead" }
                if let cover = changes.teachers.first(where: { $0.covers == t.teacher && $0.block == t.block }) {
                    line += "; taken over by \(scenario.teacherName(cover.teacher))"
                }
            case let (nil, after?):
                line = "new session: \(objective(after))" + (t.covers.map { ", covering \(scenario.teacherName($0))" } ?? "")
            default: line = t.objectiveAfter.map(objective) ?? ""
            }
            if t.roomBefore != t.roomAfter, let room = t.roomAfter { line += ", room \(scenario.roomName(room))" }
            line += gaveWay
            if !t.studentsIn.isEmpty { line += "; in: " + NameList.and(t.studentsIn.map(scenario.studentName)) }
            if !t.studentsOut.isEmpty {
                let gone = Dictionary(grouping: t.studentsOut, by: { destination(of: $0, in: t.block) })
                line += "; out: " + gone.sorted { $0.key < $1.key }.map { "\(NameList.and($0.value.map(scenario.studentName))) \($0.key)" }
                    .joined(separator: "; ")
            }
            return line
        }

        /// `5 students`, `1 student`.
        func students(_ count: Int) -> String { "\(count) student\(count == 1 ? "" : "s")" }

        /// What became of an away teacher's group and what was tried, in the order the regroup
        /// tries (`AwayCover`): `Life science, grade 8, part 2 (SCI-8.LS.2) covered by Ms Evans
        /// (free, teaches it) in Science Lab 1`, `…: no qualified teacher free (Ms Evans runs
        /// Physical science, grade 8, part 2 (SCI-8.PS.2) then; Dr Washington: unavailable); 12
        /// students join Ms Lee's session of it (room for 14)`, `… cancelled: no qualified teacher
        /// free (…), no other session of it then`.
        func away(_ c: DayChanges.Cover) -> String {
            let room = c.room.map { " in \(scenario.roomName($0))" } ?? ""
            if c.outcome == .covered, c.gaveWay == nil, let by = c.coveredBy, !c.notFree.contains(where: { $0.teacher == by }) {
                return "\(objective(c.objective)) covered by \(scenario.teacherName(by)) (free, teaches it)\(room)"
            }
            var parts: [String] = []
            let busy = c.notFree.map { n -> String in
                let name = scenario.teacherName(n.teacher)
                if let running = n.running { return "\(name) runs \(objective(running)) then" }
                return "\(name): \(n.why ?? "not free")"
            }
            parts.append(busy.isEmpty ? "no other qualified teacher" : "no qualified teacher free (\(busy.joined(separator: "; ")))")
            if let by = c.coveredBy {
                if let gave = c.gaveWay {
                    parts.append("\(scenario.teacherName(by)) gives up their own group on \(objective(gave.objective)) (\(students(gave.students))) "
                        + "to cover it\(room): " + cheaper(c, gave))
                } else {
                    parts.append("covered by \(scenario.teacherName(by))\(room)")
                }
            }
            for j in c.joined ?? [] {
                let free = c.others.first { $0.teacher == j.teacher }.map { " (room for \($0.free))" } ?? ""
                parts.append("\(j.students == c.students.count ? "its " : "")\(students(j.students)) join \(scenario.teacherName(j.teacher))'s session of it\(free)")
            }
            if c.outcome == .cancelled {
                let full = c.others.map { "\(scenario.teacherName($0.teacher))'s is full" }
                parts.append("cancelled: " + (c.others.isEmpty ? "no other session of it then" : "no other session of it with room (\(full.joined(separator: "; ")))"))
            }
            // Students who get it in another block of the day: the group is not lost to them.
            for e in c.laterOrEarlier ?? [] {
                parts.append("\(students(e.students)) get it in \(e.block) with \(scenario.teacherName(e.teacher)) instead")
            }
            return "\(objective(c.objective)): " + parts.joined(separator: "; ")
        }

        /// Why a teacher's own group gave way: `cheaper for students overall (12 students served,
        /// need 1,452 points; 11 go without, need 1,287)`.
        func cheaper(_ c: DayChanges.Cover, _ gave: DayChanges.Cover.GaveWay) -> String {
            let served = c.students.count - c.left.count - (c.joined ?? []).reduce(0) { $0 + $1.students }
            let why = gave.needServed > gave.needLost ? "cheaper for students overall" : "cheaper in the plan's objective"
            return why + " (\(students(served)) served, need \(NumberText.points(gave.needServed)) points; "
                + "\(gave.without.count) go without, need \(NumberText.points(gave.needLost)))"
        }

        func line(_ s: DayChanges.SupervisionChange) -> String {
            switch (s.roomBefore, s.roomAfter) {
            case let (before?, nil) where s.away:
                return "away: no longer supervises \(study(before)); those students are placed again"
            case let (before?, nil): return "no longer supervises \(study(before))"
            case let (nil, after?): return "now supervises \(study(after))"
            case let (before?, after?): return "supervises \(study(after)) instead of \(scenario.roomName(before))"
            case (nil, nil): return ""
            }
        }

        /// Where a student who left a group is in that block now: `to Ms Lee's group (Unit rates …)`,
        /// `to independent study in Library`, `with no place` or `absent`.
        func destination(of student: StudentID, in block: BlockID) -> String {
            if let session = plan.sessions.first(where: { $0.block == block && $0.students.contains(student) }) {
                return "to \(scenario.teacherName(session.teacher))'s group on \(objective(session.objective))"
            }
            if let group = plan.study?.first(where: { $0.block == block && $0.students.contains { $0.student == student } }) {
                return "to \(study(group.room))" + (group.adults.isEmpty ? "" : " with \(scenario.adultNames(group.adults))")
            }
            if plan.unplaced?.contains(where: { $0.student == student && $0.block == block }) == true { return "with no place" }
            return "absent"
        }
    }
}
