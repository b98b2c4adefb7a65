import Hummingbird
import PacerCore

/// Finds the signed-in person from the session cookie and puts their session in the request's
/// context; a missing, ended or idle session, or one whose grant was revoked or expired, leaves
/// it empty (routes that need someone then refuse with "sign in").
struct SessionMiddleware: RouterMiddleware {
    let store: StateStore
    let policy: SessionPolicy
    let today: @Sendable () -> SchoolDate

    func handle(_ request: Request, context: PortalRequestContext,
                next: (Request, PortalRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[Portal.cookie]?.value {
            context.session = try store.session(id, on: today(), policy: policy)
        }
        return try await next(request, context)
    }
}
