import HTTPTypes
import Hummingbird

/// The headers every answer carries: pages are personal (never cached or framed), nothing runs
/// that the portal did not write, and a sign-in link never leaks through a Referer.
enum SecurityHeaders {
    /// The portal's own pages: inline styles, no scripts, forms only to the portal itself.
    static let pagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// Exported pages: their own small inline scripts (the index's search box) and style sheet.
    static let exportPolicy = "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

    static func add(to headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = pagePolicy }
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
        // Every page shows someone's data; a shared device's back button must not show it again.
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}

struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        SecurityHeaders.add(to: &response.headers)
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
}
