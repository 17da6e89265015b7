import PlexButler

/// The JSON bodies of successful answers, with a fixed key order.
enum ResultBodies {
    /// The stop result of DESIGN 1.3.
    static func stop(requestID: String, task: String, summary: StopSummary, results: [ServerStopResult]) -> JSONValue {
        .object([
            ("requestId", .string(requestID)),
            ("task", .string(task)),
            ("outcome", .string(summary.outcome.rawValue)),
            ("servers", .array(results.map(server))),
        ])
    }

    /// One server's entry; `upstreamStatus` and `error` only when present.
    static func server(_ result: ServerStopResult) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("server", .string(result.server)),
            ("outcome", .string(result.outcome.rawValue)),
        ]
        if let status = result.upstreamStatus {
            members.append(("upstreamStatus", .int(status)))
        }
        if let error = result.error {
            members.append(("error", .string(error)))
        }
        members.append(("durationMs", .int(result.durationMs)))
        return .object(members)
    }

    /// `GET /v1/tasks`: every catalogue entry.
    static func tasks(_ catalogue: TaskCatalogue) -> JSONValue {
        .object([
            (
                "tasks",
                .array(
                    catalogue.entries.map { entry in
                        .object([
                            ("name", .string(entry.name)),
                            ("aliases", .strings(entry.aliases)),
                            ("generation", .string(entry.generation)),
                        ])
                    }
                )
            )
        ])
    }

    /// `GET /v1/servers`: what `key` may reach; names, groups and machine identifiers only, never URLs or tokens.
    static func servers(_ directory: ServerDirectory, key: APIKey) -> JSONValue {
        let groups = directory.groups.filter { key.mayReach($0.members) }
        let reachableGroupNames = Set(groups.compactMap { FoldedName($0.name) })
        let servers = directory.servers.indices.filter(key.servers.contains).map { position in
            let config = directory.servers[position]
            let memberOf = config.groups.filter { FoldedName($0).map(reachableGroupNames.contains) ?? false }
            return JSONValue.object([
                ("name", .string(config.name)),
                ("groups", .strings(memberOf)),
                ("machineIdentifier", config.machineIdentifier.map(JSONValue.string) ?? .null),
            ])
        }
        return .object([
            ("servers", .array(servers)),
            (
                "groups",
                .array(
                    groups.map { group in
                        .object([
                            ("name", .string(group.name)),
                            ("servers", .strings(group.members.map { directory.servers[$0].name })),
                        ])
                    }
                )
            ),
        ])
    }
}
