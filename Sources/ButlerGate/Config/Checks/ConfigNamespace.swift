/// The server and group names of a config, one case-insensitive namespace, checked for clashes.
struct ConfigNamespace {
    /// Every valid server and group name, as first written.
    private(set) var names: [String] = []
    private var folded: Set<FoldedName> = []

    /// Whether `name` is a server or group, ignoring ASCII case (the gateway resolves names the same way).
    func contains(_ name: String) -> Bool {
        FoldedName(name).map { folded.contains($0) } ?? false
    }

    /// Builds the namespace from `servers`, reporting duplicates, case clashes and shared machine identifiers.
    init(servers: [ServerConfig], sink: ConfigProblemSink) {
        let list = ConfigPath.root.key("servers")
        var serverIndex: [String: (name: String, index: Int)] = [:]
        for (index, server) in servers.enumerated() where ConfigRules.isName(server.name) {
            let key = server.name.lowercased()
            if let first = serverIndex[key] {
                sink.error(list.index(index).key("name"), Self.clash(server.name, first.name, list.index(first.index)))
            } else {
                serverIndex[key] = (server.name, index)
                names.append(server.name)
            }
        }
        var groups: [String: String] = [:]
        for (index, server) in servers.enumerated() {
            for (position, group) in server.groups.enumerated() where ConfigRules.isName(group) {
                let key = group.lowercased()
                let path = list.index(index).key("groups").index(position)
                if let owner = serverIndex[key] {
                    sink.error(
                        path,
                        "group '\(group)' has the same name as server '\(owner.name)' "
                            + "(\(list.index(owner.index))); servers and groups share one case-insensitive namespace"
                    )
                } else if let first = groups[key], first != group {
                    sink.error(path, "group '\(group)' differs only in case from group '\(first)'; use one spelling")
                } else if groups[key] == nil {
                    groups[key] = group
                    names.append(group)
                }
            }
        }
        folded = Set(names.compactMap(FoldedName.init))
        Self.checkMachineIdentifiers(servers, list: list, sink: sink)
    }

    private static func clash(_ name: String, _ first: String, _ firstPath: ConfigPath) -> String {
        if name == first {
            return "duplicate server name '\(name)' (already used by \(firstPath))"
        }
        return "server name '\(name)' differs only in case from '\(first)' (\(firstPath)); names are case-insensitive"
    }

    private static func checkMachineIdentifiers(_ servers: [ServerConfig], list: ConfigPath, sink: ConfigProblemSink) {
        var seen: [String: Int] = [:]
        for (index, server) in servers.enumerated() {
            guard let identifier = server.machineIdentifier, ConfigRules.isMachineIdentifier(identifier) else {
                continue
            }
            if let first = seen[identifier.lowercased()] {
                sink.error(
                    list.index(index).key("machineIdentifier"),
                    "same machine identifier as \(list.index(first)); each Plex server has its own"
                )
            } else {
                seen[identifier.lowercased()] = index
            }
        }
    }
}
