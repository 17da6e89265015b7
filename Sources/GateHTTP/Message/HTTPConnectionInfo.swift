/// What the server knows about a connection before (or without) any request head on it.
public struct HTTPConnectionInfo: Sendable, Equatable {
    /// The peer's IP address, as in `HTTPRequestHead.remoteAddress`.
    public let remoteAddress: String
    /// Whether the connection speaks TLS (false for plain HTTP sent to a TLS listener).
    public let isTLS: Bool
    /// When the first byte of the refused request arrived; nil when none had.
    public let requestStarted: ContinuousClock.Instant?

    /// Facts about one connection.
    public init(remoteAddress: String, isTLS: Bool, requestStarted: ContinuousClock.Instant? = nil) {
        self.remoteAddress = remoteAddress
        self.isTLS = isTLS
        self.requestStarted = requestStarted
    }
}
