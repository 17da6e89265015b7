/// What the server knows about a connection before (or without) any request head on it.
public struct HTTPConnectionInfo: Sendable, Equatable {
    /// The peer's IP address, as in `HTTPRequestHead.remoteAddress`.
    public let remoteAddress: String
    /// Whether the connection speaks TLS.
    public let isTLS: Bool

    /// Facts about one connection.
    public init(remoteAddress: String, isTLS: Bool) {
        self.remoteAddress = remoteAddress
        self.isTLS = isTLS
    }
}
