import PlexButler

/// The whole validated configuration: immutable, built once by `ConfigLoader`, swapped whole on reload.
public struct GatewayConfig: Sendable {
    public var listen: ListenConfig
    public var servers: [ServerConfig]
    public var keys: [KeyConfig]
    public var limits: LimitsConfig
    public var logging: LoggingConfig
    public var plex: PlexIdentityConfig

    public init(
        listen: ListenConfig,
        servers: [ServerConfig],
        keys: [KeyConfig],
        limits: LimitsConfig = LimitsConfig(),
        logging: LoggingConfig = LoggingConfig(),
        plex: PlexIdentityConfig = PlexIdentityConfig()
    ) {
        self.listen = listen
        self.servers = servers
        self.keys = keys
        self.limits = limits
        self.logging = logging
        self.plex = plex
    }
}

/// `listen`: where the gateway accepts callers.
public struct ListenConfig: Sendable {
    public var host: String
    public var port: Int
    /// nil only together with `insecurePlaintext`.
    public var tls: ListenTLSConfig?
    public var insecurePlaintext: Bool

    public init(host: String = "0.0.0.0", port: Int = 8443, tls: ListenTLSConfig?, insecurePlaintext: Bool = false) {
        self.host = host
        self.port = port
        self.tls = tls
        self.insecurePlaintext = insecurePlaintext
    }
}

/// `listen.tls`: PEM files for the gateway's own certificate.
public struct ListenTLSConfig: Sendable {
    public var certificate: String
    public var privateKey: String

    public init(certificate: String, privateKey: String) {
        self.certificate = certificate
        self.privateKey = privateKey
    }
}

/// `servers[]`: one Plex Media Server.
public struct ServerConfig: Sendable {
    public var name: String
    public var url: String
    /// The resolved admin token (from env, file or plain text).
    public var token: String
    public var machineIdentifier: String?
    public var groups: [String]
    public var timeoutMs: Int
    public var resolve: String?
    public var tls: UpstreamTLS

    public init(
        name: String,
        url: String,
        token: String,
        machineIdentifier: String? = nil,
        groups: [String] = [],
        timeoutMs: Int = 5000,
        resolve: String? = nil,
        tls: UpstreamTLS = UpstreamTLS()
    ) {
        self.name = name
        self.url = url
        self.token = token
        self.machineIdentifier = machineIdentifier
        self.groups = groups
        self.timeoutMs = timeoutMs
        self.resolve = resolve
        self.tls = tls
    }
}

/// `keys[]`: one API key, stored as the SHA-256 of the key string.
public struct KeyConfig: Sendable {
    public var id: String
    /// 32 bytes: SHA-256 of the exact key string.
    public var hash: [UInt8]
    /// Server or group names; `["*"]` means every server.
    public var servers: [String]
    /// Canonical task names or aliases as written; `["*"]` means the whole catalogue.
    public var tasks: [String]
    /// Hook names the key may call.
    public var hooks: [String]
    /// Whether the key may use the `/v1` routes other than hooks.
    public var api: Bool
    public var disabled: Bool

    public init(
        id: String,
        hash: [UInt8],
        servers: [String] = ["*"],
        tasks: [String] = ["*"],
        hooks: [String] = [],
        api: Bool = true,
        disabled: Bool = false
    ) {
        self.id = id
        self.hash = hash
        self.servers = servers
        self.tasks = tasks
        self.hooks = hooks
        self.api = api
        self.disabled = disabled
    }
}

/// `limits`: request-level bounds.
public struct LimitsConfig: Sendable {
    public var maxBodyBytes: Int
    public var requestDeadlineMs: Int
    /// Wrong keys from one client address allowed per minute before 429.
    public var authFailuresPerMinute: Int

    public init(maxBodyBytes: Int = 1 << 20, requestDeadlineMs: Int = 8000, authFailuresPerMinute: Int = 20) {
        self.maxBodyBytes = maxBodyBytes
        self.requestDeadlineMs = requestDeadlineMs
        self.authFailuresPerMinute = authFailuresPerMinute
    }
}

/// `logging`: level and line format of the standard-error log.
public struct LoggingConfig: Sendable {
    public enum Format: String, Sendable {
        case json
        case text
    }

    public var level: LogLevel
    public var format: Format

    public init(level: LogLevel = .info, format: Format = .json) {
        self.level = level
        self.format = format
    }
}

/// `plex`: how the gateway identifies itself to Plex servers.
public struct PlexIdentityConfig: Sendable {
    /// Stable `X-Plex-Client-Identifier`; nil derives one from the host name.
    public var clientIdentifier: String?
    public var deviceName: String

    public init(clientIdentifier: String? = nil, deviceName: String = "ButlerGate") {
        self.clientIdentifier = clientIdentifier
        self.deviceName = deviceName
    }
}
