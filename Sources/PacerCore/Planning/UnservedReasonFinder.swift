/// Why a student did not get every workshop they wanted, in words a scheduler can act on. The
/// checks go from the most fundamental (no teacher may run it) to the plan's own choices. Which
/// hard rule kept a teacher, a room or the student out is the rule catalogue's answer, in each
/// rule's own words (`RuleCatalogue.refusing`), so a rule added to the catalogue is explained here
/// without a line of its own.
///
/// A student kept out by their own sessions of other subjects is told which subject went first and
/// why, from the needs the plan weighed (`Need`): "MATH first: 3 weeks behind".
///
/// Lookups are indexed once (students, peers per objective, sessions per student, teacher and room
/// use), so explaining every unserved student of a very large school stays linear.
struct UnservedReasonFinder {
    let scenario: Scenario
    let sessions: [PlannedSession]
    private let rules: RuleCatalogue
    /// The plan's sessions, as the rules ask about them.
    private let plan: Occupancy
    private let peers: [ObjectiveID: Int]
    /// Per objective whose minimum group is above one, per flex block (by position): how many of
    /// its students the rule catalogue admits there. Worked out once, like the ones below.
    private let freeOnIt: [ObjectiveID: [Int]]
    private let sessionsOn: [ObjectiveID: [PlannedSession]]
    private let seats: [RoomID: Int]
    /// Per objective: what the rules say of its teachers and its rooms.
    private let staffing: [ObjectiveID: Staffing]
    /// Each student's need in each subject they want workshops in, as the plan weighed it.
    private let needs: [StudentSubject: Need]
    /// The subjects of the sessions each student is placed in, in the plan's order, once each.
    private let placedIn: [StudentID: [SubjectID]]

    /// The teachers and rooms the rules permit for an objective in some flex block (in an empty
    /// plan), and, per flex block, whether one of each is admitted in the plan, with the rules that
    /// refused the others. None of it depends on the student, so it is worked out once (a large
    /// school asks millions of times).
    private struct Staffing {
        let teachers: [Int]
        let rooms: [Int]
        /// When no teacher (room) is permitted anywhere: the rules that refused.
        let noTeacher: Set<Int>, noRoom: Set<Int>
        let teacherFreeAt: [Bool], roomFreeAt: [Bool]
        /// Per flex block where none is admitted: the rules that refused the permitted ones.
        let teacherBusy: [Set<Int>], roomBusy: [Set<Int>]

        init(_ objective: Objective, rules: RuleCatalogue, plan: Occupancy) {
            let school = rules.school, blocks = school.blocks.indices, empty = rules.emptyPlan
            var noTeacher: Set<Int> = [], noRoom: Set<Int> = []
            teachers = school.teachers.indices.filter { t in
                let refused = blocks.map { rules.refusing(teacher: t, running: objective, in: $0, empty) }
                if refused.contains(nil) { return true }
                noTeacher.formUnion(refused.compactMap { $0 })
                return false
            }
            rooms = school.rooms.indices.filter { r in
                let refused = blocks.map { rules.refusing(room: r, hosting: objective, in: $0, empty) }
                if refused.contains(nil) { return true }
                noRoom.formUnion(refused.compactMap { $0 })
                return false
            }
            self.noTeacher = teachers.isEmpty ? noTeacher : []
            self.noRoom = rooms.isEmpty ? noRoom : []
            var teacherFreeAt: [Bool] = [], roomFreeAt: [Bool] = [], teacherBusy: [Set<Int>] = [], roomBusy: [Set<Int>] = []
            for b in blocks {
                let teacherRefusals = teachers.map { rules.refusing(teacher: $0, running: objective, in: b, plan) }
                let teacherFree = teacherRefusals.contains(nil)
                teacherFreeAt.append(teacherFree)
                teacherBusy.append(teacherFree ? [] : Set(teacherRefusals.compactMap { $0 }))
                let roomRefusals = teacherFree ? rooms.map { rules.refusing(room: $0, hosting: objective, in: b, plan) } : []
                roomFreeAt.append(roomRefusals.contains(nil))
                roomBusy.append(roomRefusals.contains(nil) ? [] : Set(roomRefusals.compactMap { $0 }))
            }
            self.teacherFreeAt = teacherFreeAt
            self.roomFreeAt = roomFreeAt
            self.teacherBusy = teacherBusy
            self.roomBusy = roomBusy
        }
    }

    /// Whether the search that made `sessions` stopped before its end (the clock, or a stop
    /// request): a student nothing refused was then perhaps only not reached, and is not blamed on
    /// the policy.
    let searchStopped: Bool

    /// `demands` are the week's (or the day's), for the needs they carry; without them no reason
    /// says which subject went first. `searchStopped`: as the property says.
    init(scenario: Scenario, sessions: [PlannedSession], demands: [Demand] = [], searchStopped: Bool = false) {
        self.scenario = scenario
        self.sessions = sessions
        self.searchStopped = searchStopped
        needs = Dictionary(demands.map { (StudentSubject($0.student, $0.subject), $0.need) }, uniquingKeysWith: { first, _ in first })
        var placedIn: [StudentID: [SubjectID]] = [:]
        for session in sessions {
            for student in session.students where !(placedIn[student] ?? []).contains(session.subject) {
                placedIn[student, default: []].append(session.subject)
            }
        }
        self.placedIn = placedIn
        let rules = RuleCatalogue(scenario)
        let school = rules.school, plan = Occupancy(school, sessions: sessions)
        self.rules = rules
        self.plan = plan
        var peers: [ObjectiveID: Int] = [:], studentsOn: [ObjectiveID: [Int]] = [:]
        for student in scenario.students {
            for objective in student.current.values {
                peers[objective, default: 0] += 1
                if let s = school.studentAt[student.id] { studentsOn[objective, default: []].append(s) }
            }
        }
        self.peers = peers
        var sessionsOn: [ObjectiveID: [PlannedSession]] = [:]
        for s in sessions { sessionsOn[s.objective, default: []].append(s) }
        self.sessionsOn = sessionsOn
        var staffing: [ObjectiveID: Staffing] = [:]
        for objective in scenario.objectives where peers[objective.id] != nil {
            staffing[objective.id] = Staffing(objective, rules: rules, plan: plan)
        }
        self.staffing = staffing
        var freeOnIt: [ObjectiveID: [Int]] = [:]
        for objective in scenario.objectives where objective.minGroup > 1 {
            guard let students = studentsOn[objective.id] else { continue }
            freeOnIt[objective.id] = school.blocks.indices.map { b in students.filter { rules.admits(student: $0, attending: objective, in: b, plan) }.count }
        }
        self.freeOnIt = freeOnIt
        seats = Dictionary(scenario.rooms.map { ($0.id, $0.capacity) }, uniquingKeysWith: { first, _ in first })
    }

    func reason(for demand: Demand) -> UnservedReason {
        let o = demand.objective
        guard let objective = scenario.objective(o), let s = rules.school.studentAt[demand.student], let staffing = staffing[o]
        else { return UnservedReason(.unknownObjective, "unknown objective \(o)") }
        if staffing.teachers.isEmpty {
            let refusals = rules.refusals(staffing.noTeacher, of: .teacher, objective)
            return UnservedReason(.noTeacher, rules: refusals.names, "no teacher can run \(o) in any flex block (\(refusals.phrase))")
        }
        if staffing.rooms.isEmpty {
            let refusals = rules.refusals(staffing.noRoom, of: .room, objective)
            return UnservedReason(.noRoom, rules: refusals.names, "no room can host \(o) in any flex block (\(refusals.phrase))")
        }
        let onObjective = peers[o] ?? 0
        if onObjective < objective.minGroup {
            return UnservedReason(.tooFewStudents, "only \(onObjective) student(s) are on \(o), fewer than its minimum group of \(objective.minGroup)")
        }
        // The flex blocks where the rule catalogue admits the student, and the rules that refused the others.
        var freeIndices: [Int] = [], studentRefused: Set<Int> = []
        for b in rules.school.blocks.indices {
            if let rule = rules.refusing(student: s, attending: objective, in: b, plan) { studentRefused.insert(rule) } else { freeIndices.append(b) }
        }
        if freeIndices.isEmpty {
            let refusals = rules.refusals(studentRefused, of: .student, objective)
            return UnservedReason(.noFreeBlock, rules: refusals.names,
                                  "the student cannot join \(o) in any flex block (\(refusals.phrase))" + servedFirst(before: demand))
        }
        let teacherFree = freeIndices.filter { staffing.teacherFreeAt[$0] }
        let freeIDs = Set(freeIndices.map { rules.school.blocks[$0].id })
        let open = (sessionsOn[o] ?? []).filter { freeIDs.contains($0.block) }
        if !open.isEmpty, teacherFree.isEmpty,
           open.allSatisfy({ s in !GroupSizeRule.hasSeat(for: s.students.count, objective, seats: seats[s.room] ?? 0) }) {
            return UnservedReason(.sessionsFull, rules: [GroupSizeRule.name], "every session on \(o) the student could join is full")
        }
        if teacherFree.isEmpty {
            let refusals = rules.refusals(freeIndices.reduce(into: Set<Int>()) { $0.formUnion(staffing.teacherBusy[$1]) }, of: .teacher, objective)
            let who = staffing.teachers.map { rules.school.teachers[$0].id.rawValue }.joined(separator: ", ")
            return UnservedReason(.noTeacherFree, rules: refusals.names,
                                  "no teacher who can run \(o) is free when the student is (\(who): \(refusals.phrase))")
        }
        let roomFree = teacherFree.filter { staffing.roomFreeAt[$0] }
        if roomFree.isEmpty {
            let refusals = rules.refusals(teacherFree.reduce(into: Set<Int>()) { $0.formUnion(staffing.roomBusy[$1]) }, of: .room, objective)
            return UnservedReason(.noRoomFree, rules: refusals.names,
                                  "no room that can host \(o) is free when the student and a teacher who can run it are (\(refusals.phrase))")
        }
        // Where no session on the objective runs while the student is free, a new one needs its
        // minimum group free at once, in a block with a qualified teacher and a room.
        if objective.minGroup > 1, open.isEmpty, let freeOnIt = freeOnIt[o] {
            let together = roomFree.map { $0 < freeOnIt.count ? freeOnIt[$0] : 0 }.max() ?? 0
            if together < objective.minGroup {
                return UnservedReason(.tooFewFreeTogether, rules: [GroupSizeRule.name],
                                      "at most \(together) student(s) on \(o) are free at the same time as a qualified teacher and a room, fewer than its minimum group of \(objective.minGroup)")
            }
        }
        if searchStopped {
            return UnservedReason(.searchStopped,
                                  "nothing refused a session for \(o), but the search stopped before finding one worth holding (a longer --time-limit or --work may serve the student)")
        }
        return UnservedReason(.notWorthASession,
                              "a session for \(o) would cost more than it serves under the policy (too few students free at the same time, or the teachers' time went to students weighted higher)")
    }

    /// For a student placed in sessions of other subjects: which went first, and why, from the
    /// needs the plan weighed: "; MATH first: 3 weeks behind", "; SCI first: an equal need", or,
    /// when the plan served a lesser need (it fitted where this one could not), "; MATH went first,
    /// though ELA is needed more: waited 6 days". Empty when the student is in no other session or
    /// the needs are not known.
    private func servedFirst(before demand: Demand) -> String {
        let this = needs[StudentSubject(demand.student, demand.subject)] ?? demand.need
        let policy = scenario.policy
        var clauses: [String] = []
        for subject in placedIn[demand.student] ?? [] where subject != demand.subject {
            guard let served = needs[StudentSubject(demand.student, subject)] else { continue }
            let why = served.reasons(over: this, policy)
            if !why.isEmpty {
                clauses.append("\(subject) first: \(why.joined(separator: ", "))")
            } else if served.weight(policy) == this.weight(policy) {
                clauses.append("\(subject) first: an equal need")
            } else {
                clauses.append("\(subject) went first, though \(demand.subject) is needed more: \(this.reasons(over: served, policy).joined(separator: ", "))")
            }
        }
        return clauses.map { "; " + $0 }.joined()
    }
}
