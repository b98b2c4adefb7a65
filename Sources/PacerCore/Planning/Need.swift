/// How much a student needs their workshops in one subject this week, kept in its parts so that it
/// can be shown ("MATH first: 3 weeks behind"). Its weight is the price of each workshop in the
/// subject that the student wants and does not get (`Demand.weight`, the objective's unmet-workshop
/// term, so every engine serves the most needed first when not all fit):
///
///     weight = unmet_workshop × (priority_factor if the student is flagged priority, else 1)
///            + waiting_per_day × days waited
///            + behind_per_week × weeks behind
///            + stated_need, when a teacher or family stated the need
///
/// - **days waited**: since the student's last workshop on their current objective in the subject
///   (or since they began it, when they have had none), from the term's state; 0 for a week planned
///   from students.csv alone.
/// - **weeks behind** the target pace in the subject (`weeksBehind(…)`), from the term's state; 0
///   from students.csv alone.
/// - **stated**: students.csv's `needs` names the subject.
/// - **priority**: the student's `priority` flag, the same in every subject.
///
/// A request is not part of it: it is a goal of its own, met once or not (`RequestGoal`, the
/// **unmet requests** term of `ObjectiveTerms`), so that it asks for a workshop on its day rather
/// than raising the price of every workshop in the subject.
///
/// `PlanningContext.need(of:in:)` gathers the parts; `PlanVerifier` recomputes the weight with its
/// own code (the second opinion).
struct Need: Hashable, Sendable {
    var waitedDays = 0
    var weeksBehind = 0
    var stated = false
    var priority = false

    /// The price of each workshop in the subject the student wants and does not get.
    func weight(_ policy: Policy) -> Double {
        policy.unmetWorkshop * (priority ? policy.priorityFactor : 1)
            + policy.waitingPerDay * Double(waitedDays)
            + policy.behindPerWeek * Double(weeksBehind)
            + (stated ? policy.statedNeed : 0)
    }

    /// Whole weeks a student is behind the target pace in one subject, from where the term stands:
    /// the subject's share of the target pace is `targetPace / subjects` objectives a week (the
    /// target, `forecast.target_pace`, is across the `subjects` the student takes), so after
    /// `weeksElapsed` weeks of the term the student should have mastered `share × weeksElapsed`
    /// objectives in it. Having mastered `mastered`, they are `weeksElapsed − mastered / share`
    /// weeks behind, rounded down to whole weeks and never below 0 (a student ahead is not behind).
    /// No target (0) or no subjects: nobody is behind.
    static func weeksBehind(weeksElapsed: Double, mastered: Int, subjects: Int, targetPace: Double) -> Int {
        guard subjects > 0, targetPace > 0, weeksElapsed > 0 else { return 0 }
        let share = targetPace / Double(subjects)
        let behind = weeksElapsed - Double(mastered) / share
        // A hair of float noise must not cost a whole week (7 days / 7 is 1, not 0.999…).
        return behind > 0 ? Int((behind + 1e-9).rounded(.down)) : 0
    }

    /// The parts in words, largest part first as the policy weighs them: "3 weeks behind",
    /// "waited 6 days", "a stated need" (the priority flag is the same in every subject, so not a part).
    func parts(_ policy: Policy) -> [String] {
        var parts: [(Double, String)] = []
        if weeksBehind > 0 { parts.append((policy.behindPerWeek * Double(weeksBehind), "\(weeksBehind) week\(weeksBehind == 1 ? "" : "s") behind")) }
        if waitedDays > 0 { parts.append((policy.waitingPerDay * Double(waitedDays), "waited \(waitedDays) day\(waitedDays == 1 ? "" : "s")")) }
        if stated { parts.append((policy.statedNeed, "a stated need")) }
        return parts.enumerated().sorted { ($1.element.0, $0.offset) < ($0.element.0, $1.offset) }.map(\.element.1)
    }

    /// Why this need comes before `other` (of the same student in another subject), in words: the
    /// parts in which it is greater. Empty when it is not greater.
    func reasons(over other: Need, _ policy: Policy) -> [String] {
        guard weight(policy) > other.weight(policy) else { return [] }
        var more = Need(priority: priority)
        if weeksBehind > other.weeksBehind { more.weeksBehind = weeksBehind }
        if waitedDays > other.waitedDays { more.waitedDays = waitedDays }
        if stated, !other.stated { more.stated = true }
        return more.parts(policy)
    }
}

extension PlanningContext {
    /// The need of `student` in `subject`: what the context knows of waiting and pace, what
    /// students.csv states and flags.
    func need(of student: Student, in subject: SubjectID) -> Need {
        Need(waitedDays: waitedDays[student.id]?[subject] ?? 0, weeksBehind: weeksBehind[student.id]?[subject] ?? 0,
             stated: student.statedNeeds.contains(subject), priority: student.flags.contains(.priority))
    }
}
