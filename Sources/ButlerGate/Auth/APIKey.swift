/// A configured key with its scopes resolved against the directory and the task catalogue.
struct APIKey: Sendable {
    /// Shown in logs instead of the key.
    let id: String
    /// SHA-256 of the key string.
    let hash: [UInt8]
    /// A disabled key never matches.
    let disabled: Bool
    /// May it use the `/v1` routes other than hooks.
    let api: Bool
    /// Indices of the servers it may reach.
    let servers: Set<Int>
    /// Canonical task names it may stop; nil is the whole catalogue.
    let tasks: Set<String>?

    /// Resolves group names and task aliases once, so each request only looks up sets.
    init(config: KeyConfig, directory: ServerDirectory, catalogue: TaskCatalogue) {
        id = config.id
        hash = config.hash
        disabled = config.disabled
        api = config.api
        if config.servers.contains("*") {
            servers = Set(directory.servers.indices)
        } else {
            servers = Set(config.servers.flatMap { directory.expand($0) ?? [] })
        }
        tasks = config.tasks.contains("*") ? nil : Set(config.tasks.compactMap(catalogue.canonicalName(for:)))
    }

    /// Whether a server or group is wholly within reach; a group only partly in scope is not.
    func mayReach(_ members: [Int]) -> Bool {
        members.allSatisfy(servers.contains)
    }

    /// Whether the key may stop `task` (a canonical name).
    func mayStop(_ task: String) -> Bool {
        tasks?.contains(task) ?? true
    }
}
