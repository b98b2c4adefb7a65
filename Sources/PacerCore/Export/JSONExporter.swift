/// The plan as JSON (`plan.json`, schema `pacer.plan/1`, described by docs/plan.schema.json),
/// restricted to what the filter covers.
public struct JSONExporter: PlanExporter {
    public init() {}

    public func files(_ context: ExportContext) throws -> [String: String] {
        var plan = context.plan
        if context.filter != nil || context.day != nil {
            let kept = context.sessions
            plan.sessions = kept
            plan.days = plan.days.map { DayRoster(day: $0.day, sessions: $0.sessions.filter { id in kept.contains { $0.id == id } }) }
        }
        return ["plan.json": try PlanFile.encode(plan)]
    }
}
