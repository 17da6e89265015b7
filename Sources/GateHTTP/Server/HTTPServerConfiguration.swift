import Glibc

/// Limits on what a client may send.
public struct HTTPLimits: Sendable {
    public var maxRequestLineBytes: Int
    public var maxHeaderBytes: Int
    public var maxHeaderCount: Int
    /// Upper bound for any body; the responder may choose less per request.
    public var maxBodyBytes: Int

    public init(
        maxRequestLineBytes: Int = 8192,
        maxHeaderBytes: Int = 32768,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 16 << 20
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}

/// How long the server waits for each phase of a connection.
public struct HTTPTimeouts: Sendable {
    public var tlsHandshake: Duration
    /// From the first byte of a request to the end of its header section.
    public var header: Duration
    /// From the end of the header section to the end of the body.
    public var body: Duration
    /// A keep-alive connection with no request in progress.
    public var idle: Duration

    public init(
        tlsHandshake: Duration = .seconds(10),
        header: Duration = .seconds(10),
        body: Duration = .seconds(30),
        idle: Duration = .seconds(60)
    ) {
        self.tlsHandshake = tlsHandshake
        self.header = header
        self.body = body
        self.idle = idle
    }
}

/// Everything the server needs to listen.
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port; `HTTPServer.port` tells which.
    public var port: Int
    /// nil serves plain HTTP.
    public var tls: TLSConfiguration?
    /// Event loop threads; defaults to one per core.
    public var loopCount: Int
    public var limits: HTTPLimits
    public var timeouts: HTTPTimeouts

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        tls: TLSConfiguration? = nil,
        loopCount: Int? = nil,
        limits: HTTPLimits = HTTPLimits(),
        timeouts: HTTPTimeouts = HTTPTimeouts()
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.loopCount = loopCount ?? HTTPServerConfiguration.coreCount
        self.limits = limits
        self.timeouts = timeouts
    }

    static var coreCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
