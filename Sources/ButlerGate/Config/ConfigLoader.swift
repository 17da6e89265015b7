import Foundation

/// Turns the bytes of a JSON config into a `GatewayConfig` and every problem found on the way.
///
/// The environment and the file reader are injected so tests need neither real variables nor real files.
public struct ConfigLoader: Sendable {
    /// Reads a whole file named by the config (certificates, CA bundles, secret files).
    public typealias FileReader = @Sendable (String) throws(ConfigFileError) -> [UInt8]

    /// The members a config document may have.
    static let topLevelKeys = ["listen", "servers", "keys", "hooks", "limits", "logging", "plex"]

    /// Where `{"env": "NAME"}` secrets are looked up.
    public var environment: [String: String]
    /// Where certificates, CA bundles and `{"file": ...}` secrets are read from.
    public var readFile: FileReader

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        readFile: @escaping FileReader = { path throws(ConfigFileError) in try ConfigLoader.readFromDisk(path) }
    ) {
        self.environment = environment
        self.readFile = readFile
    }

    /// Loads the config file at `path` through `readFile`.
    public func load(contentsOf path: String) -> ConfigReport {
        do {
            return load(try readFile(path))
        } catch {
            let message = "cannot read config file '\(path)': it \(error.reason)"
            let problem = ConfigProblem(path: "", message: message, severity: .error)
            return ConfigReport(config: nil, problems: [problem])
        }
    }

    /// Parses and validates a config document, reporting every problem rather than stopping at the first.
    public func load(_ bytes: [UInt8]) -> ConfigReport {
        let sink = ConfigProblemSink()
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            sink.syntax(error)
            return ConfigReport(config: nil, problems: sink.problems)
        }
        guard let root = ConfigObject(document, at: .root, sink: sink) else {
            return ConfigReport(config: nil, problems: sink.problems)
        }
        let config = read(root, context: ConfigLoadContext(sink: sink, environment: environment, readFile: readFile))
        return ConfigReport(config: sink.hasErrors ? nil : config, problems: sink.problems)
    }

    private func read(_ root: ConfigObject, context: ConfigLoadContext) -> GatewayConfig {
        let sink = context.sink
        root.allowOnly(Self.topLevelKeys)
        let listen = ListenSection.read(root, context: context)
        let servers = root.list("servers", required: true) ?? []
        if case .array(let items)? = root.value("servers"), items.isEmpty {
            sink.error(root.path.key("servers"), "must list at least one Plex server")
        }
        let serverConfigs = servers.enumerated().map { index, value in
            ServerSection.read(value, at: root.path.key("servers").index(index), context: context)
        }
        let keys = root.list("keys") ?? []
        if keys.isEmpty {
            let message = "no API keys: no caller can use the API; 'butlergate keys new' makes one"
            sink.warning(root.path.key("keys"), message)
        }
        let keyConfigs = keys.enumerated().map { index, value in
            KeySection.read(value, at: root.path.key("keys").index(index), context: context)
        }
        if root.value("hooks") != nil {
            sink.error(root.path.key("hooks"), "webhooks are not supported by this version; remove 'hooks'")
        }
        let limits = SettingsSection.limits(root)
        let logging = SettingsSection.logging(root)
        let plex = SettingsSection.plex(root)

        let namespace = ConfigNamespace(servers: serverConfigs, sink: sink)
        KeyScopeCheck.run(keyConfigs, namespace: namespace, sink: sink)
        checkTimeouts(serverConfigs, against: limits, sink: sink)
        return GatewayConfig(
            listen: listen,
            servers: serverConfigs,
            keys: keyConfigs,
            limits: limits,
            logging: logging,
            plex: plex
        )
    }

    /// A server timeout past the request deadline can never be waited out in full.
    private func checkTimeouts(_ servers: [ServerConfig], against limits: LimitsConfig, sink: ConfigProblemSink) {
        for (index, server) in servers.enumerated() where server.timeoutMs > limits.requestDeadlineMs {
            sink.warning(
                ConfigPath.root.key("servers").index(index).key("timeoutMs"),
                "\(server.timeoutMs) is longer than limits.requestDeadlineMs (\(limits.requestDeadlineMs)): "
                    + "the request deadline will cut this server's calls short"
            )
        }
    }
}
