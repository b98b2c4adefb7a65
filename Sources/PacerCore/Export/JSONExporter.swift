/// The plan as JSON (`plan.json`, schema `pacer.plan/1`, described by docs/plan.schema.json),
/// restricted to what the filter and the day cover: sessions, study groups, students with no
/// place, and each day's lists of them.
public struct JSONExporter: PlanExporter {
    public init() {}

    public func files(_ context: ExportContext) throws -> [String: String] {
        var plan = context.plan
        if context.filter != nil || context.day != nil {
            let kept = context.sessions
            plan.sessions = kept
            let keptIDs = Set(kept.map(\.id))
            // Study groups and the students with no place follow the same filter, and each day
            // lists only the groups kept (plans made before independent study have neither).
            if plan.study != nil { plan.study = context.studyGroups }
            if plan.unplaced != nil { plan.unplaced = context.unplaced }
            let studyIDs = Set((plan.study ?? []).map(\.id))
            plan.days = plan.days.map { d in
                DayRoster(day: d.day, sessions: d.sessions.filter(keptIDs.contains), study: d.study.map { $0.filter(studyIDs.contains) })
            }
        }
        return ["plan.json": try PlanFile.encode(plan)]
    }
}
