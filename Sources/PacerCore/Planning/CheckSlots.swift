/// Check slots: a mastery check a teacher holds during independent study (docs/requests.md, *How
/// plans weigh a request*). Once the workshops are fixed and the study groups seated
/// (`StudyPlacer`), each check request no workshop meets is given a slot where one fits: in a
/// flex block of its days (of its period, when it asks for one) where the student studies, with a
/// teacher whom the rule catalogue permits to run the objective (qualified and there). The student
/// stays in their own group when such a teacher supervises it, else moves to a group of the block
/// that has one and a seat (a student alone in their group stays); else a free teacher who may run
/// it (no workshop then, in no study group, `supervises` not false) joins the student's group to
/// hold it. A teacher holds at most `perBlock` checks in one block. A met slot earns the request's
/// weight as a workshop would (**unmet requests**). Goals asking for the fewest blocks go first (a
/// slot for a one-block request then meets a week's request for the same check too), then the
/// heaviest, then the first asked; blocks in the calendar's order.
struct CheckSlots {
    /// A check slot of a plan: the study group and the teacher who holds the check.
    struct Held {
        let group: StudyGroup
        let teacher: TeacherID
    }

    let scenario: Scenario
    /// The requests the plan could meet (`ObjectiveTerms.goals`).
    let goals: [RequestGoal]

    /// The checks one teacher holds in one flex block at most: a check is short (a student shows
    /// their evidence), and the teacher still supervises the group.
    static let perBlock = 3

    /// Marks the check slots on the study places (`StudyPlace.check`), moving students and adding
    /// teachers to groups where a slot needs it.
    func place(in study: inout StudyPlacer.Outcome, sessions: [PlannedSession]) {
        let wanted = goals.filter(\.isCheck)
        guard !wanted.isEmpty else { return }
        let rules = RuleCatalogue(scenario), school = rules.school, spaces = StudySpaces(school)
        let periodOf = Dictionary(scenario.calendar.blocks.map { ($0.id, $0.period) }, uniquingKeysWith: { first, _ in first })
        let plan = Occupancy(school, sessions: sessions)
        var result = study.groups
        defer { study.groups = result }
        /// The checks each teacher holds in each block.
        struct TeacherInBlock: Hashable { let block: BlockID, teacher: TeacherID }
        var held: [TeacherInBlock: Int] = [:]
        func key(_ block: BlockID, _ teacher: TeacherID) -> TeacherInBlock { TeacherInBlock(block: block, teacher: teacher) }
        for group in result { for place in group.students { if let t = place.check { held[key(group.block, t), default: 0] += 1 } } }

        /// The supervising teachers of `group` permitted to run `objective` there, with a check left.
        func checkers(_ group: StudyGroup, _ objective: Objective) -> [TeacherID] {
            guard let b = school.blockAt[group.block] else { return [] }
            return group.adults.compactMap { adult in
                let teacher = TeacherID(rawValue: adult.rawValue)
                guard let t = school.teacherAt[teacher], rules.permits(teacher: t, running: objective, in: b),
                      held[key(group.block, teacher), default: 0] < Self.perBlock else { return nil }
                return teacher
            }
        }
        func hasSeat(_ group: StudyGroup) -> Bool {
            guard let r = school.roomAt[group.room] else { return false }
            return group.students.count < min(spaces.seats[r], group.adults.count * spaces.ratio)
        }

        // The goals with the fewest blocks first (a request for one block before a week's, which a
        // slot in that block then meets too), then the heaviest, then the first asked.
        let blocksOf = Dictionary(wanted.map { goal in (goal.request, scenario.calendar.flexBlocks.filter { goal.asks(on: $0.day, in: $0.period) }.count) },
                                  uniquingKeysWith: { first, _ in first })
        func order(_ g: RequestGoal) -> (Int, Double, Int64) { (blocksOf[g.request] ?? 0, -g.weight, g.request) }
        for goal in wanted.sorted(by: { order($0) < order($1) }) {
            guard let id = goal.objective, let objective = scenario.objective(id) else { continue }
            let byWorkshop = sessions.contains { s in
                s.students.contains(goal.student) && goal.isMet(by: s.objective, teacher: s.teacher, on: s.day, in: periodOf[s.block])
            }
            let bySlot = result.contains { g in g.students.contains { $0.student == goal.student && $0.check != nil && $0.objective == id }
                && goal.isMet(byCheckOn: id, on: g.day, in: periodOf[g.block]) }
            if byWorkshop || bySlot { continue }
            blocks: for block in scenario.calendar.flexBlocks where goal.asks(on: block.day, in: block.period) {
                guard let mine = result.firstIndex(where: { $0.block == block.id && $0.students.contains { $0.student == goal.student } }),
                      let seat = result[mine].students.firstIndex(where: { $0.student == goal.student }),
                      result[mine].students[seat].check == nil
                else { continue }
                // Their own group first, then the block's others in the plan's order.
                let candidates = [mine] + result.indices.filter { $0 != mine && result[$0].block == block.id && hasSeat(result[$0]) }
                for g in candidates {
                    // A student alone in their group stays: a group emptied would leave its adults counted.
                    guard g == mine || result[mine].students.count > 1, let teacher = checkers(result[g], objective).first else { continue }
                    var place = result[mine].students.remove(at: seat)
                    place.objective = id
                    place.check = teacher
                    result[g].students.append(place)
                    result[g].students.sort { $0.student < $1.student }
                    held[key(block.id, teacher), default: 0] += 1
                    break blocks
                }
                // A free teacher who may run it joins the student's group.
                guard let b = school.blockAt[block.id] else { continue }
                let supervising = Set(result.filter { $0.block == block.id }.flatMap(\.adults))
                if let t = school.teachers.indices.first(where: { t in
                    school.teachers[t].supervises && !plan.teacherIsBusy(t, in: b) && rules.permits(teacher: t, running: objective, in: b)
                        && !supervising.contains(AdultID(rawValue: school.teachers[t].id.rawValue))
                }) {
                    let teacher = school.teachers[t].id
                    result[mine].adults = (result[mine].adults + [AdultID(rawValue: teacher.rawValue)]).sorted()
                    result[mine].students[seat].objective = id
                    result[mine].students[seat].check = teacher
                    held[key(block.id, teacher), default: 0] += 1
                    study.placements.supervisingAdults += 1
                    break blocks
                }
            }
        }
    }
}

extension WeekPlan {
    /// The check slots (`CheckSlots`) the plan gives `student` on `objective` on `day`, in the
    /// plan's order of study groups: what the request statuses and the asking teacher's day read.
    func checkSlots(of student: StudentID, on objective: ObjectiveID, day: DayID) -> [CheckSlots.Held] {
        (study ?? []).compactMap { group in
            guard group.day == day, let place = group.students.first(where: { $0.student == student }), place.objective == objective,
                  let teacher = place.check else { return nil }
            return CheckSlots.Held(group: group, teacher: teacher)
        }
    }
}
