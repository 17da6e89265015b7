import PlexButler

/// Servers and groups in one ASCII-case-insensitive namespace; every expansion is in config order.
struct ServerDirectory: Sendable {
    /// A group and its members' indices, in config order.
    struct Group: Sendable {
        /// As first written in the config.
        var name: String
        /// Server indices, in config order.
        var members: [Int]
    }

    /// The configured servers, in config order; an index into this array identifies a server.
    let servers: [ServerConfig]
    /// The upstream form of each server, same order.
    let plexServers: [PlexServer]
    /// Groups in order of first mention.
    let groups: [Group]
    private let index: [FoldedName: [Int]]

    /// Builds the namespace; a server name wins over a group of the same spelling (the loader rejects both).
    init(servers: [ServerConfig]) {
        var groups: [Group] = []
        var groupIndex: [FoldedName: Int] = [:]
        for (position, server) in servers.enumerated() {
            for group in server.groups {
                guard let key = FoldedName(group) else { continue }
                if let existing = groupIndex[key] {
                    if !groups[existing].members.contains(position) {
                        groups[existing].members.append(position)
                    }
                } else {
                    groupIndex[key] = groups.count
                    groups.append(Group(name: group, members: [position]))
                }
            }
        }
        var index: [FoldedName: [Int]] = [:]
        for group in groups {
            if let key = FoldedName(group.name) {
                index[key] = group.members
            }
        }
        for (position, server) in servers.enumerated() {
            if let key = FoldedName(server.name) {
                index[key] = [position]
            }
        }
        self.servers = servers
        self.plexServers = servers.map(Self.plexServer)
        self.groups = groups
        self.index = index
    }

    /// The member indices of a server or group name in any ASCII case, or nil when nothing has that name.
    func expand(_ name: String) -> [Int]? {
        FoldedName(name).flatMap { index[$0] }
    }

    /// The upstream model of one configured server.
    static func plexServer(_ config: ServerConfig) -> PlexServer {
        var base = config.url
        while base.hasSuffix("/") {
            base.removeLast()
        }
        return PlexServer(
            name: config.name,
            baseURL: base,
            token: config.token,
            tls: config.tls,
            resolveTo: config.resolve,
            timeout: .milliseconds(max(config.timeoutMs, 1))
        )
    }
}
