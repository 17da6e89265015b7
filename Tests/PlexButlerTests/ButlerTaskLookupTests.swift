import Testing

@testable import PlexButler

/// The task list lookup stays inside the stop call's budget and is not repeated while remembered.
struct ButlerTaskLookupTests {
    private static let delete = "DELETE /butler/BackupDatabase HTTP/1.1"
    private static let list = "GET /butler HTTP/1.1"

    /// Stops BackupDatabase on `plex` through `client`, returning the result and the call's wall time.
    private func stop(
        _ client: ButlerClient,
        on plex: PlexServer,
        within deadline: Duration = .seconds(5)
    ) async -> (ServerStopResult, Duration) {
        let started = ContinuousClock.now
        let result = await client.stop(task: "BackupDatabase", on: plex, deadline: Fixtures.deadline(in: deadline))
        return (result, ContinuousClock.now - started)
    }

    @Test func hangingListKeepsNotRunningWithinTheServerTimeout() async throws {
        let server = try ScriptedPlex.server(list: .hang)
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(transport: transport, identity: Fixtures.identity)

        // Long enough that the 404 surely comes back before it, even on a busy machine.
        let plex = Fixtures.server(server.baseURL, timeout: .seconds(1))
        let (result, elapsed) = await stop(client, on: plex)

        #expect(result.outcome == .notRunning)
        #expect(result.upstreamStatus == 404)
        #expect(result.error == nil)
        #expect(elapsed >= .milliseconds(900) && elapsed < .milliseconds(2500))
        #expect(result.durationMs >= 900 && result.durationMs < 2500)
        #expect(ScriptedPlex.requestLines(server) == [Self.delete, Self.list])
    }

    @Test func requestDeadlineBoundsTheLookupToo() async throws {
        let server = try ScriptedPlex.server(list: .hang)
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(transport: transport, identity: Fixtures.identity)

        let plex = Fixtures.server(server.baseURL, timeout: .seconds(10))
        let (result, elapsed) = await stop(client, on: plex, within: .seconds(1))

        #expect(result.outcome == .notRunning)
        #expect(elapsed >= .milliseconds(900) && elapsed < .milliseconds(2500))
        #expect(ScriptedPlex.requestLines(server) == [Self.delete, Self.list])
    }

    @Test func rememberedListSavesTheSecondLookup() async throws {
        let server = try ScriptedPlex.server(list: ScriptedPlex.json(["OptimizeDatabase"]))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(transport: transport, identity: Fixtures.identity)
        let plex = Fixtures.server(server.baseURL)

        let (first, _) = await stop(client, on: plex)
        let (second, _) = await stop(client, on: plex)
        var rotated = plex
        rotated.token = "tok-ROTATED-1a2b3c4d5e6f"
        let (third, _) = await stop(client, on: rotated)

        #expect([first.outcome, second.outcome, third.outcome] == [.unknownTask, .unknownTask, .unknownTask])
        // A new token is another identity: its list is read afresh.
        let expected = [Self.delete, Self.list, Self.delete, Self.delete, Self.list]
        #expect(ScriptedPlex.requestLines(server) == expected)
    }

    @Test func simultaneousNotFoundsShareOneLookup() async throws {
        let server = try ScriptedPlex.server(list: ScriptedPlex.json(["OptimizeDatabase"]))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(transport: transport, identity: Fixtures.identity)
        let plex = Fixtures.server(server.baseURL)

        let outcomes = await withTaskGroup(of: StopOutcome.self) { group in
            for _ in 0..<8 {
                group.addTask { await stop(client, on: plex).0.outcome }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }

        #expect(outcomes == Array(repeating: .unknownTask, count: 8))
        let lines = ScriptedPlex.requestLines(server)
        #expect(lines.filter { $0 == Self.delete }.count == 8)
        #expect(lines.filter { $0 == Self.list }.count == 1)
    }

    @Test func serverWithoutAListIsAskedOnlyOnceForAWhile() async throws {
        let server = try ScriptedPlex.server(list: .http(404, "Not Found"))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(transport: transport, identity: Fixtures.identity)
        let plex = Fixtures.server(server.baseURL)

        let (first, _) = await stop(client, on: plex)
        let (second, _) = await stop(client, on: plex)

        #expect([first.outcome, second.outcome] == [.notRunning, .notRunning])
        #expect(ScriptedPlex.requestLines(server) == [Self.delete, Self.list, Self.delete])
    }

    @Test func failedLookupIsNotRemembered() async throws {
        let server = try ScriptedPlex.server(list: .close)
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(transport: transport, identity: Fixtures.identity)
        let plex = Fixtures.server(server.baseURL)

        _ = await stop(client, on: plex)
        _ = await stop(client, on: plex)

        #expect(ScriptedPlex.distinctRequestLines(server) == [Self.delete, Self.list, Self.delete, Self.list])
    }

    @Test func expiredListIsReadAgain() async throws {
        let server = try ScriptedPlex.server(list: ScriptedPlex.json(["BackupDatabase"]))
        defer { server.stop() }
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(
            transport: transport,
            identity: Fixtures.identity,
            taskListLifetime: .milliseconds(50)
        )
        let plex = Fixtures.server(server.baseURL)

        _ = await stop(client, on: plex)
        try await Task.sleep(for: .milliseconds(100))
        let (result, _) = await stop(client, on: plex)

        #expect(result.outcome == .notRunning)
        #expect(ScriptedPlex.requestLines(server) == [Self.delete, Self.list, Self.delete, Self.list])
    }
}
