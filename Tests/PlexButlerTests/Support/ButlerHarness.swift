@testable import PlexButler

/// A scripted server and a `ButlerClient` over a `CurlTransport` of its own, alive for one test body.
struct ButlerHarness: Sendable {
    /// The scripted server the client talks to.
    let server: ScriptedServer
    /// The client under test.
    let client: ButlerClient

    /// Runs `body` with a client for `server`, then shuts the transport down and stops `server`.
    ///
    /// `server` is handed over: it is stopped even when the transport cannot be made.
    /// - Parameter taskListLifetime: how long the client trusts a task list; nil keeps the client's default.
    static func with<Result>(
        _ server: ScriptedServer,
        taskListLifetime: Duration? = nil,
        _ body: (ButlerHarness) async throws -> Result
    ) async throws -> Result {
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client =
            taskListLifetime.map {
                ButlerClient(transport: transport, identity: Fixtures.identity, taskListLifetime: $0)
            } ?? ButlerClient(transport: transport, identity: Fixtures.identity)

        return try await body(ButlerHarness(server: server, client: client))
    }

    /// The server entry for the scripted server, answering within `timeout`.
    func plex(timeout: Duration = .seconds(3)) -> PlexServer {
        Fixtures.server(server.baseURL, timeout: timeout)
    }

    /// Stops `task` on `plex` with a deadline `within` from now.
    func stop(
        _ task: String = "BackupDatabase",
        on plex: PlexServer,
        within deadline: Duration = .seconds(5)
    ) async -> ServerStopResult {
        await client.stop(task: task, on: plex, deadline: Fixtures.deadline(in: deadline))
    }

    /// Stops `task` on `plex` like `stop`, returning the result and the call's wall time.
    func timedStop(
        _ task: String = "BackupDatabase",
        on plex: PlexServer,
        within deadline: Duration = .seconds(5)
    ) async -> (ServerStopResult, Duration) {
        let started = ContinuousClock.now
        let result = await stop(task, on: plex, within: deadline)
        return (result, ContinuousClock.now - started)
    }

    /// The request lines the server received, in order.
    var requestLines: [String] {
        ScriptedPlex.requestLines(server)
    }

    /// The request lines with curl's retries on dead reused connections merged.
    var distinctRequestLines: [String] {
        ScriptedPlex.distinctRequestLines(server)
    }
}
