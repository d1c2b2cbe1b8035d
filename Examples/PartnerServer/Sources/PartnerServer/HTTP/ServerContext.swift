import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of the partner server: Hummingbird's core storage, the
/// peer address (for rate limiting) and the WebSocket upgrade handler.
public struct ServerContext: RequestContext, RemoteAddressRequestContext, WebSocketRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The WebSocket handler set by `/v1/chat`.
    public let webSocket: WebSocketHandlerReference<ServerContext>
    /// The peer's address.
    public let remoteAddress: SocketAddress?

    /// Creates a context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        remoteAddress = source.channel.remoteAddress
    }
}
