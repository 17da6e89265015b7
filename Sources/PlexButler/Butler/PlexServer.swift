/// A Plex Media Server as the upstream side needs it.
public struct PlexServer: Sendable {
    public var name: String
    /// Base URL without a trailing slash, e.g. `http://192.0.2.10:32400`.
    public var baseURL: String
    /// The admin token; sent only in `X-Plex-Token`.
    public var token: String
    public var tls: UpstreamTLS
    public var resolveTo: String?
    public var timeout: Duration

    public init(
        name: String,
        baseURL: String,
        token: String,
        tls: UpstreamTLS = UpstreamTLS(),
        resolveTo: String? = nil,
        timeout: Duration = .seconds(5)
    ) {
        self.name = name
        self.baseURL = baseURL
        self.token = token
        self.tls = tls
        self.resolveTo = resolveTo
        self.timeout = timeout
    }
}

/// How the gateway introduces itself to Plex (the `X-Plex-*` headers).
public struct PlexClientIdentity: Sendable {
    /// Stable across runs, or each run shows up as a new device in the owner's account.
    public var clientIdentifier: String
    public var product: String
    public var version: String
    public var platform: String
    public var device: String
    public var deviceName: String

    public init(
        clientIdentifier: String,
        product: String = "ButlerGate",
        version: String,
        platform: String = "Linux",
        device: String = "ButlerGate",
        deviceName: String = "ButlerGate"
    ) {
        self.clientIdentifier = clientIdentifier
        self.product = product
        self.version = version
        self.platform = platform
        self.device = device
        self.deviceName = deviceName
    }
}
