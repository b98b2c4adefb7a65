/// **A teacher runs only objectives they can teach** (`teaches` in scenario.yaml: subjects,
/// objectives or prefixes, resolved when the scenario is read).
///
/// The rule enters the models by construction: a candidate session exists only with a qualified
/// teacher. The elastic model lets a teacher "teach it" at a cost, to say what would serve a
/// blocked student. `PlanVerifier` keeps its own check (`not-qualified`).
extension Teacher {
    /// Whether the teacher may run workshops on `objective`.
    func teaches(_ objective: ObjectiveID) -> Bool { canTeach.contains(objective) }
}
