import GateSync

/// What every loop and connection of one server shares.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    /// The context for new TLS connections; `reloadTLS` swaps it, open connections keep theirs.
    let tls: Locked<TLSContext?>
    /// Open connections per client address, against `HTTPLimits.maxConnectionsPerAddress`.
    let addressCounts: AddressCounts

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, tls: TLSContext?) {
        self.configuration = configuration
        self.responder = responder
        self.tls = Locked(tls)
        addressCounts = AddressCounts(cap: max(0, configuration.limits.maxConnectionsPerAddress))
    }

    /// Whether connections start with a TLS handshake.
    var isTLS: Bool {
        configuration.tls != nil
    }
}
