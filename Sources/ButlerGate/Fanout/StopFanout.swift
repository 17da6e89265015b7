import PlexButler

/// Stops one task on many servers at once and returns the results in the order the servers were given.
struct StopFanout: Sendable {
    /// Makes each Plex call.
    let client: ButlerClient

    /// One concurrent call per server; each ends by its own timeout or the request deadline, whichever is first.
    ///
    /// The client hands the transport the smaller of the two as its timeout, and the transport enforces it,
    /// so no timer task races each call: on a stop that reaches one server that would double its cost.
    func stop(task: String, on servers: [PlexServer], deadline: ContinuousClock.Instant) async -> [ServerStopResult] {
        if servers.count == 1 {
            return [await client.stop(task: task, on: servers[0], deadline: deadline)]
        }
        return await withTaskGroup(of: (Int, ServerStopResult).self) { group in
            for (position, server) in servers.enumerated() {
                group.addTask {
                    (position, await client.stop(task: task, on: server, deadline: deadline))
                }
            }
            var results = [ServerStopResult?](repeating: nil, count: servers.count)
            for await (position, result) in group {
                results[position] = result
            }
            return results.map { $0! }
        }
    }
}
