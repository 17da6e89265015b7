/// Reads the small top-level sections: `limits`, `logging` and `plex`.
enum SettingsSection {
    /// `limits`, with defaults for whatever is absent.
    static func limits(_ root: ConfigObject) -> LimitsConfig {
        guard let limits = root.object("limits") else { return LimitsConfig() }
        limits.allowOnly(["maxBodyBytes", "requestDeadlineMs", "authFailuresPerMinute"])
        return LimitsConfig(
            maxBodyBytes: limits.integer("maxBodyBytes", in: 1024...(64 << 20), default: 1 << 20),
            requestDeadlineMs: limits.integer("requestDeadlineMs", in: 100...120_000, default: 8000),
            authFailuresPerMinute: limits.integer("authFailuresPerMinute", in: 1...100_000, default: 20)
        )
    }

    /// `logging`, with defaults for whatever is absent.
    static func logging(_ root: ConfigObject) -> LoggingConfig {
        guard let logging = root.object("logging") else { return LoggingConfig() }
        logging.allowOnly(["level", "format"])
        var config = LoggingConfig()
        if let text = logging.string("level") {
            if let level = LogLevel(rawValue: text) {
                config.level = level
            } else {
                let names = LogLevel.allCases.map(\.rawValue)
                let message = "must be one of \(names.joined(separator: ", "))"
                logging.sink.error(logging.path.key("level"), ConfigSpelling.withHint(message, for: text, among: names))
            }
        }
        if let text = logging.string("format") {
            if let format = LoggingConfig.Format(rawValue: text) {
                config.format = format
            } else {
                logging.sink.error(logging.path.key("format"), "must be json or text")
            }
        }
        return config
    }

    /// `plex`: the identity the gateway shows to Plex servers.
    static func plex(_ root: ConfigObject) -> PlexIdentityConfig {
        guard let plex = root.object("plex") else { return PlexIdentityConfig() }
        plex.allowOnly(["clientIdentifier", "deviceName"])
        var config = PlexIdentityConfig()
        if let identifier = plex.string("clientIdentifier") {
            if ConfigRules.isClientIdentifier(identifier) {
                config.clientIdentifier = identifier
            } else {
                plex.sink.error(plex.path.key("clientIdentifier"), "must be 1 to 128 letters, digits, '.', '_' or '-'")
            }
        }
        if let name = plex.string("deviceName") {
            if !name.isEmpty, name.count <= 128, ConfigRules.isHeaderText(name) {
                config.deviceName = name
            } else {
                plex.sink.error(plex.path.key("deviceName"), "must be 1 to 128 characters without control characters")
            }
        }
        return config
    }
}
