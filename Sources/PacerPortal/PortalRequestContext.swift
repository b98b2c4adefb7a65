import Hummingbird
import NIOCore
import PacerCore

/// What the portal knows of a request besides the request itself: where it came from (failed
/// sign-ins are counted per address), who is signed in, once `SessionMiddleware` has looked, and a
/// POST's checked form, once `FormMiddleware` has read it.
public struct PortalRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The signed-in person's session, while it and its grant are valid; nil for anyone else.
    public var session: PortalSession?
    /// A POST's form, read and its CSRF token checked by `FormMiddleware`.
    var form: Form?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        session = nil
        form = nil
    }
}
