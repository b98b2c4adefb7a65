import Hummingbird
import PacerCore

/// Reads every POST's form once, up to `limit` bytes (413 past it), refuses one whose text is not
/// UTF-8 (400), checks that it carries the signed-in session's CSRF token (403), and refuses one
/// that sends a field twice (400: every field is single-valued, and keeping either value would
/// act on what the person may not have meant), before the route sees it in `context.form`. A page of another site cannot make anyone's browser act.
struct FormMiddleware: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: PortalRequestContext,
                next: (Request, PortalRequestContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        guard let session = context.session else { throw Refusal.signInFirst }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw Refusal(.contentTooLarge, "Too large", "The form is larger than \(limit / 1024) KB.")
        }
        let form = Form(body: Array(buffer: body), contentType: request.headers[.contentType])
        guard !form.hasBadText else {
            throw Refusal(.badRequest, "Not understood", "The form's text is not UTF-8, or its encoding is broken; nothing was changed. Reload the page and send it again.")
        }
        guard form["csrf"] == session.csrf else {
            throw Refusal(.forbidden, "Form expired", "This form is out of date. Go back, reload the page and send it again.")
        }
        if let name = form.repeated {
            // Named when it is one of the portal's field names as they are written, else not echoed.
            let field = name.count <= 40 && name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) ? "“\(name)”" : "a field"
            throw Refusal(.badRequest, "Not understood", "The form sent \(field) twice; nothing was changed. Reload the page and send it again.")
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}
