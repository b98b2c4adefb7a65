import Hummingbird
import PacerCore

/// Who may use a group of routes, decided once for the group from `PortalAccess`'s rules: nobody
/// signed in is asked to sign in (401), a signed-in person of another role is refused (403).
/// Which student a teacher may act for depends on the day's plan and stays with the route.
struct AccessMiddleware: RouterMiddleware {
    let allows: @Sendable (AccessRole) -> Bool
    let refusal: @Sendable () -> Refusal

    func handle(_ request: Request, context: PortalRequestContext,
                next: (Request, PortalRequestContext) async throws -> Response) async throws -> Response {
        guard let session = context.session else { throw Refusal.signInFirst }
        guard allows(session.grant.role) else { throw refusal() }
        return try await next(request, context)
    }

    /// Anyone signed in.
    static let signedIn = AccessMiddleware(allows: { _ in true }, refusal: { Refusal.signInFirst })
    /// Teachers and the scheduler.
    static let staff = AccessMiddleware(allows: PortalAccess.mayRecord) {
        Refusal(.forbidden, "Teachers only", "Only teachers and the scheduler record mastery checks.")
    }
    /// Teachers, supervisors and the scheduler.
    static let adults = AccessMiddleware(allows: PortalAccess.mayMarkAbsent) {
        Refusal(.forbidden, "Staff only", "Only teachers, supervisors and the scheduler mark students absent.")
    }
    /// Who asks for students (`PortalAccess.mayAsk`): teachers, families and the scheduler.
    static let askers = AccessMiddleware(allows: PortalAccess.mayAsk) {
        Refusal(.forbidden, "Not for supervisors", "Teachers, families and the scheduler ask for students; tell a teacher what a student needs.")
    }
    /// Who looks students up to ask for them: teachers and the scheduler.
    static let finders = AccessMiddleware(allows: { PortalAccess.mayAsk($0) && PortalAccess.mayRecord($0) }) {
        Refusal(.forbidden, "Teachers only", "Only teachers and the scheduler look up the school's students; a family asks on its own page.")
    }
    /// The scheduler.
    static let scheduler = AccessMiddleware(allows: PortalAccess.mayRunTheSchool) {
        Refusal(.forbidden, "Scheduler only", "Only the scheduler regroups, publishes, records absences and corrects checks.")
    }
}
