/// An HTTP/1.1 server on epoll event loops, one per core, with optional TLS.
///
/// CONTRACT STUB: the implementation replaces the bodies; the public surface stays.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration

    /// Builds the TLS context (if any) so that certificate problems surface before `start()`.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) throws {
        self.configuration = configuration
        fatalError("not implemented")
    }

    /// Binds and starts the loops; returns once the listener accepts connections.
    public func start() throws {
        fatalError("not implemented")
    }

    /// The bound port (the configured one, or the one the system picked for port 0).
    public var port: Int {
        fatalError("not implemented")
    }

    /// Stops accepting, lets in-flight requests finish within `gracePeriod`, then closes everything.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        fatalError("not implemented")
    }

    /// Swaps the certificate for new connections; existing ones keep theirs.
    public func reloadTLS(_ tls: TLSConfiguration) throws {
        fatalError("not implemented")
    }
}
