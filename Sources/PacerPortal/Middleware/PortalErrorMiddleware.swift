import Hummingbird
import PacerCore

/// Every error a route throws becomes a page: a refusal its own, a state error a clear 400, a
/// state that another process keeps busy a 503 with Retry-After, and anything else a 500 that
/// says it was logged. Server errors and busy answers are logged with the method and path only
/// (never a query, which may hold a sign-in token).
struct PortalErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Seconds a person is asked to wait when the state is busy.
    static var retryAfter: Int { 5 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as Refusal {
            return refusal.response
        } catch StateError.busy {
            context.logger.warning("503 for \(request.method) \(request.uri.path): the state stayed busy with another command's write")
            var response = Page.response(.serviceUnavailable, title: "Busy, try again",
                                         body: Notice("The school's records are being updated by another task. Nothing was changed. Try again in a few seconds."))
            response.headers[.retryAfter] = String(Self.retryAfter)
            return response
        } catch let error as StateError {
            return Page.response(.badRequest, title: "Not done", body: Notice(error.description))
        } catch let error as HTTPError {
            if error.status.code >= 500 { context.logger.error("\(error.status.code) for \(request.method) \(request.uri.path): \(error)") }
            let message = error.status == .notFound ? "There is no such page." : (error.body ?? error.status.reasonPhrase)
            return Page.response(error.status, title: error.status.reasonPhrase, body: Notice(message))
        } catch {
            context.logger.error("500 for \(request.method) \(request.uri.path): \(error)")
            return Page.response(.internalServerError, title: "Something went wrong",
                                 body: Notice("The portal could not do this, and has logged why. Nothing you sent is lost from your page; try again, and tell the scheduler if it happens again."))
        }
    }
}
