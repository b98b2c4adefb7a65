import Hummingbird
import NIOCore
import PacerCore

/// What the portal knows of a request besides the request itself: where it came from (failed
/// sign-ins are counted per address) and who is signed in, once `SessionMiddleware` has looked.
public struct PortalRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The signed-in person's session, while it and its grant are valid; nil for anyone else.
    public var session: PortalSession?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        session = nil
    }
}
