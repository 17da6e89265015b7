import GateHTTP
import PlexButler

/// The running gateway: the HTTPS listener, the Plex transport and the request handler, started and
/// stopped together.
public final class GatewayService: Sendable {
    public let gateway: Gateway
    private let server: HTTPServer
    private let transport: CurlTransport
    private let logger: Logger
    /// The logger is built once at start, so a reload cannot change it.
    private let startedLogging: LoggingConfig

    /// Builds every part; certificate and key problems throw here, before anything listens.
    /// - Parameter tls: a certificate held in memory, used instead of `config.listen.tls` (demo, tests).
    public init(config: GatewayConfig, tls: TLSConfiguration? = nil, logger: Logger) throws {
        let transport = try CurlTransport()
        self.transport = transport
        self.logger = logger
        self.startedLogging = config.logging
        self.gateway = Gateway(config: config, transport: transport, logger: logger, version: ButlerGateVersion.current)
        var configuration = Self.serverConfiguration(config)
        configuration.tls = tls ?? configuration.tls
        self.server = try HTTPServer(configuration: configuration, responder: gateway)
    }

    /// Starts listening and marks the gateway ready.
    public func start() throws {
        try server.start()
        gateway.markReady()
        let scheme = server.configuration.tls == nil ? "http" : "https"
        logger.info(
            "listening",
            metadata: ["listen.address": .string("\(scheme)://\(server.configuration.host):\(server.port)")]
        )
    }

    /// Swaps in a new config and re-reads the certificate files; the listener's address stays as started.
    /// - Throws: when the new certificate cannot be loaded; the running config then stays in place.
    public func reload(_ config: GatewayConfig) throws {
        if let tls = config.listen.tls {
            try server.reloadTLS(tls.serverTLS)
        }
        gateway.reload(config: config)
        let listen = server.configuration
        if config.listen.host != listen.host || (config.listen.port != listen.port && listen.port != 0)
            || (config.listen.tls == nil) != (listen.tls == nil)
        {
            logger.warning("listen changes need a restart; still serving the old address and scheme")
        }
        if config.logging.level != startedLogging.level || config.logging.format != startedLogging.format {
            logger.warning("logging changes need a restart; still logging as at start")
        }
    }

    /// The bound port.
    public var port: Int { server.port }

    /// Drains in-flight requests within `gracePeriod`, then stops the listener and the transport.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        logger.info("draining", metadata: [:])
        await server.shutdown(gracePeriod: gracePeriod)
        transport.shutdown()
        logger.info("stopped", metadata: [:])
    }

    static func serverConfiguration(_ config: GatewayConfig) -> HTTPServerConfiguration {
        let tls = config.listen.tls.map(\.serverTLS)
        // The server's own cap only guards memory; the gateway screens each route's limit itself.
        let limits = HTTPLimits(maxBodyBytes: max(config.limits.maxBodyBytes, 1 << 20))
        return HTTPServerConfiguration(host: config.listen.host, port: config.listen.port, tls: tls, limits: limits)
    }
}
