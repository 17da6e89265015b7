/// Reads one `servers[]` entry; cross-server rules (unique names) live in `ConfigNamespace`.
enum ServerSection {
    /// The members a server entry may have.
    static let keys = ["name", "url", "token", "machineIdentifier", "groups", "timeoutMs", "resolve", "tls"]

    /// The server as written; invalid parts are reported and left empty, so later checks can still run.
    static func read(_ value: JSONValue, at path: ConfigPath, context: ConfigLoadContext) -> ServerConfig {
        let sink = context.sink
        guard let server = ConfigObject(value, at: path, sink: sink) else {
            return ServerConfig(name: "", url: "", token: "")
        }
        server.allowOnly(keys)
        let written = server.string("name", required: true)
        if let written, !ConfigRules.isName(written) {
            sink.error(path.key("name"), ConfigRules.nameRule)
        }
        let name = written.flatMap { ConfigRules.isName($0) ? $0 : nil } ?? ""
        let url = readURL(server, sink: sink)
        let token = readToken(server, context: context)
        let machineIdentifier = server.string("machineIdentifier")
        if let machineIdentifier, !ConfigRules.isMachineIdentifier(machineIdentifier) {
            sink.error(path.key("machineIdentifier"), "must be 1 to 128 letters, digits or '-'")
        }
        // Invalid groups stay in the list so positions match the file; the errors reject the config anyway.
        let groups = server.strings("groups") ?? []
        for entry in groups where !ConfigRules.isName(entry.text) {
            sink.error(entry.path, ConfigRules.nameRule)
        }
        let timeoutMs = server.integer("timeoutMs", in: 1...60000, default: 5000)
        let resolve = server.string("resolve")
        if let resolve, !ConfigRules.isAddressLiteral(resolve) {
            let message = "must be an IPv4 or IPv6 address such as 192.168.1.10 or fd00::10 (no brackets)"
            sink.error(path.key("resolve"), message)
        }
        let tls = UpstreamTLSSection.read(server, isHTTPS: url.lowercased().hasPrefix("https:"), context: context)
        return ServerConfig(
            name: name,
            url: url,
            token: token,
            machineIdentifier: machineIdentifier,
            groups: groups.map(\.text),
            timeoutMs: timeoutMs,
            resolve: resolve,
            tls: tls
        )
    }

    private static func readURL(_ server: ConfigObject, sink: ConfigProblemSink) -> String {
        guard let text = server.string("url", required: true) else { return "" }
        switch ConfigRules.serverURL(text) {
        case .success(let url):
            return url
        case .failure(let violation):
            sink.error(server.path.key("url"), violation.message)
            return ""
        }
    }

    private static func readToken(_ server: ConfigObject, context: ConfigLoadContext) -> String {
        guard let token = SecretSection.read("token", of: server, context: context, warnWhenPlain: true) else {
            return ""
        }
        guard !token.isEmpty else {
            context.sink.error(server.path.key("token"), "must not be empty")
            return ""
        }
        guard ConfigRules.isHeaderToken(token) else {
            // A space, CR or LF in the token would split or forge headers of every upstream call.
            context.sink.error(
                server.path.key("token"),
                "must not contain spaces, line breaks, control or non-ASCII characters"
            )
            return ""
        }
        return token
    }
}
