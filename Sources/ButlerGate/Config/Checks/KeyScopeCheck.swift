/// Checks what only the whole `keys` list shows: unique ids and hashes, and server names that exist.
enum KeyScopeCheck {
    /// Reports every clash or dangling reference among `keys`.
    static func run(_ keys: [KeyConfig], namespace: ConfigNamespace, sink: ConfigProblemSink) {
        let list = ConfigPath.root.key("keys")
        var ids: [String: Int] = [:]
        var hashes: [[UInt8]: Int] = [:]
        for (index, key) in keys.enumerated() {
            let path = list.index(index)
            if !key.id.isEmpty {
                if let first = ids[key.id.lowercased()] {
                    let message = "duplicate key id '\(key.id)' (already used by \(list.index(first)), ignoring case)"
                    sink.error(path.key("id"), message)
                } else {
                    ids[key.id.lowercased()] = index
                }
            }
            if key.hash.count == 32 {
                if let first = hashes[key.hash] {
                    let message = "same hash as \(list.index(first)): one key string cannot have two ids"
                    sink.error(path.key("hash"), message)
                } else {
                    hashes[key.hash] = index
                }
            }
            for (position, name) in key.servers.enumerated() where name != "*" && !namespace.contains(name) {
                let message = "unknown server or group '\(name)'"
                sink.error(
                    path.key("servers").index(position),
                    ConfigSpelling.withHint(message, for: name, among: namespace.names)
                )
            }
        }
    }
}
