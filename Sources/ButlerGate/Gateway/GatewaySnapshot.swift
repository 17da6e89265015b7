import Glibc
import PlexButler

/// Everything derived from one config, built once and read as a whole; a reload swaps in a new one.
final class GatewaySnapshot: Sendable {
    /// The config it was built from.
    let config: GatewayConfig
    /// The task names and aliases.
    let catalogue: TaskCatalogue
    /// Servers and groups.
    let directory: ServerDirectory
    /// Keys with resolved scopes.
    let keys: APIKeyTable
    /// What caller input must not be echoed or logged: the keys and the Plex tokens.
    let secrets: SecretScreen
    /// The Plex side, identified by the config's client identity.
    let fanout: StopFanout

    /// Derives every table from `config`.
    init(config: GatewayConfig, transport: any UpstreamTransport, version: String) {
        let catalogue = TaskCatalogue.standard
        let directory = ServerDirectory(servers: config.servers)
        let identity = PlexClientIdentity(
            clientIdentifier: config.plex.clientIdentifier ?? Self.derivedClientIdentifier(),
            version: version,
            deviceName: config.plex.deviceName
        )
        self.config = config
        self.catalogue = catalogue
        self.directory = directory
        let keys = APIKeyTable(keys: config.keys.map { APIKey(config: $0, directory: directory, catalogue: catalogue) })
        self.keys = keys
        secrets = SecretScreen(keys: keys, plexTokens: config.servers.map(\.token))
        fanout = StopFanout(client: ButlerClient(transport: transport, identity: identity))
    }

    /// Stable per machine, so Plex lists the gateway as one device across restarts.
    static func derivedClientIdentifier() -> String {
        var name = [CChar](repeating: 0, count: 256)
        let host =
            gethostname(&name, name.count - 1) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : "localhost"
        return "butlergate-" + Hex.encode(Array(Crypto.sha256("butlergate:" + host).prefix(16)))
    }
}
