import PlexButler

/// Stops one task on many servers at once and returns the results in the order the servers were given.
struct StopFanout: Sendable {
    /// Makes each Plex call.
    let client: ButlerClient

    /// One concurrent call per server; each ends by its own timeout or the request deadline, whichever is first.
    func stop(task: String, on servers: [PlexServer], deadline: ContinuousClock.Instant) async -> [ServerStopResult] {
        await withTaskGroup(of: (Int, ServerStopResult).self) { group in
            for (position, server) in servers.enumerated() {
                group.addTask {
                    (position, await stopOne(task: task, on: server, deadline: deadline))
                }
            }
            var results = [ServerStopResult?](repeating: nil, count: servers.count)
            for await (position, result) in group {
                results[position] = result
            }
            return results.map { $0! }
        }
    }

    /// The client bounds the transport's budget; the race also bounds a transport that overruns it.
    private func stopOne(
        task: String,
        on server: PlexServer,
        deadline: ContinuousClock.Instant
    ) async -> ServerStopResult {
        let started = ContinuousClock.now
        let cutoff = min(deadline, started + server.timeout)
        let client = client
        return await DeadlineRace.run(until: cutoff) {
            await client.stop(task: task, on: server, deadline: deadline)
        } fallback: {
            let elapsed = started.duration(to: .now)
            return ServerStopResult(
                server: server.name,
                outcome: .timeout,
                error: "no answer before the deadline",
                durationMs: Int(elapsed / .milliseconds(1))
            )
        }
    }
}
