/// Reads one `keys[]` entry; references to servers are checked later by `KeyScopeCheck`.
enum KeySection {
    /// The members a key entry may have.
    static let keys = ["id", "hash", "servers", "tasks", "hooks", "api", "disabled"]

    /// The key as written; invalid parts are reported and left empty.
    static func read(_ value: JSONValue, at path: ConfigPath, context: ConfigLoadContext) -> KeyConfig {
        let sink = context.sink
        guard let key = ConfigObject(value, at: path, sink: sink) else { return KeyConfig(id: "", hash: []) }
        key.allowOnly(keys)
        let written = key.string("id", required: true)
        if let written, !ConfigRules.isName(written) {
            sink.error(path.key("id"), ConfigRules.nameRule)
        }
        let hash = readHash(key, context: context)
        let servers = scope(key, "servers", noun: "server")
        let tasks = scope(key, "tasks", noun: "task")
        let catalogue = TaskCatalogue.standard
        for entry in tasks where entry.text != "*" && catalogue.canonicalName(for: entry.text) == nil {
            let message = "unknown task '\(entry.text)'"
            sink.error(entry.path, ConfigSpelling.withHint(message, for: entry.text, among: catalogue.names))
        }
        let hooks = key.strings("hooks") ?? []
        if !hooks.isEmpty {
            sink.error(path.key("hooks"), "webhooks are not supported by this version; leave hooks empty or remove it")
        }
        return KeyConfig(
            id: written.flatMap { ConfigRules.isName($0) ? $0 : nil } ?? "",
            hash: hash,
            servers: servers.map(\.text),
            tasks: tasks.map(\.text),
            hooks: hooks.map(\.text),
            api: key.bool("api", default: true),
            disabled: key.bool("disabled", default: false)
        )
    }

    private static func readHash(_ key: ConfigObject, context: ConfigLoadContext) -> [UInt8] {
        guard let text = SecretSection.read("hash", of: key, context: context, warnWhenPlain: false) else { return [] }
        if let bytes = ConfigRules.keyHash(text) {
            return bytes
        }
        if text.hasPrefix("bgk_") {
            // The key itself was pasted: say so without repeating it, so it can be replaced.
            key.sink.error(key.path.key("hash"), "holds an API key, not its hash; the config must store only the hash")
        } else {
            let message = "must be 'sha256:' followed by 64 hex digits; 'butlergate keys new' prints one"
            key.sink.error(key.path.key("hash"), message)
        }
        return []
    }

    /// A `servers` or `tasks` list: default `["*"]`; `*` must stand alone; an empty list is allowed but useless.
    private static func scope(
        _ key: ConfigObject,
        _ member: String,
        noun: String
    ) -> [(path: ConfigPath, text: String)] {
        guard let entries = key.strings(member) else {
            return key.value(member) == nil ? [(key.path.key(member).index(0), "*")] : []
        }
        if entries.isEmpty {
            key.sink.warning(key.path.key(member), "empty: this key may use no \(noun); use [\"*\"] for all")
        }
        if entries.count > 1, let star = entries.first(where: { $0.text == "*" }) {
            key.sink.error(star.path, "'*' means every \(noun) and must be the only entry")
        }
        return entries
    }
}
