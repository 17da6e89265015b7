import Glibc

/// Limits on what a client may send.
public struct HTTPLimits: Sendable {
    public var maxRequestLineBytes: Int
    public var maxHeaderBytes: Int
    public var maxHeaderCount: Int
    /// Upper bound for any body; the responder may choose less per request.
    public var maxBodyBytes: Int
    /// Open connections across all loops; further clients wait in the listen backlog.
    /// 0 derives it from the descriptor limit (three quarters of `RLIMIT_NOFILE`), because running
    /// out of descriptors also breaks the runtime (libdispatch, curl) in the same process.
    public var maxConnections: Int
    /// Open connections from one client address; further ones are closed as soon as they are
    /// accepted, so one client cannot take every slot. 0 turns the cap off.
    public var maxConnectionsPerAddress: Int

    public init(
        maxRequestLineBytes: Int = 8192,
        maxHeaderBytes: Int = 32768,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 16 << 20,
        maxConnections: Int = 0,
        maxConnectionsPerAddress: Int = 128
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
    }

    /// `maxConnections`, or the value derived from the descriptor limit when it is 0.
    var effectiveMaxConnections: Int {
        if maxConnections > 0 { return maxConnections }
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else {
            return 1 << 20
        }
        return max(16, Int(clamping: limit.rlim_cur) / 4 * 3)
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
