import Testing

@testable import PlexButler

/// The task list lookup stays inside the stop call's budget and is not repeated while remembered.
struct ButlerTaskLookupTests {
    private static let delete = "DELETE /butler/BackupDatabase HTTP/1.1"
    private static let list = "GET /butler HTTP/1.1"

    @Test func hangingListKeepsNotRunningWithinTheServerTimeout() async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: .hang)) { butler in
            // Long enough that the 404 surely comes back before it, even on a busy machine.
            let (result, elapsed) = await butler.timedStop(on: butler.plex(timeout: .seconds(1)))

            #expect(result.outcome == .notRunning)
            #expect(result.upstreamStatus == 404)
            #expect(result.error == nil)
            #expect(elapsed >= .milliseconds(900) && elapsed < .milliseconds(2500))
            #expect(result.durationMs >= 900 && result.durationMs < 2500)
            #expect(butler.requestLines == [Self.delete, Self.list])
        }
    }

    @Test func requestDeadlineBoundsTheLookupToo() async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: .hang)) { butler in
            let (result, elapsed) = await butler.timedStop(on: butler.plex(timeout: .seconds(10)), within: .seconds(1))

            #expect(result.outcome == .notRunning)
            #expect(elapsed >= .milliseconds(900) && elapsed < .milliseconds(2500))
            #expect(butler.requestLines == [Self.delete, Self.list])
        }
    }

    @Test func rememberedListSavesTheSecondLookup() async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: ScriptedPlex.json(["OptimizeDatabase"]))) { butler in
            let plex = butler.plex()
            let first = await butler.stop(on: plex)
            let second = await butler.stop(on: plex)
            var rotated = plex
            rotated.token = "tok-ROTATED-1a2b3c4d5e6f"
            let third = await butler.stop(on: rotated)

            #expect([first.outcome, second.outcome, third.outcome] == [.unknownTask, .unknownTask, .unknownTask])
            // A new token is another identity: its list is read afresh.
            #expect(butler.requestLines == [Self.delete, Self.list, Self.delete, Self.delete, Self.list])
        }
    }

    @Test func simultaneousNotFoundsShareOneLookup() async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: ScriptedPlex.json(["OptimizeDatabase"]))) { butler in
            let plex = butler.plex()
            let outcomes = await withTaskGroup(of: StopOutcome.self) { group in
                for _ in 0..<8 {
                    group.addTask { await butler.stop(on: plex).outcome }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            #expect(outcomes == Array(repeating: .unknownTask, count: 8))
            let lines = butler.requestLines
            #expect(lines.filter { $0 == Self.delete }.count == 8)
            #expect(lines.filter { $0 == Self.list }.count == 1)
        }
    }

    @Test func serverWithoutAListIsAskedOnlyOnceForAWhile() async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: .http(404, "Not Found"))) { butler in
            let first = await butler.stop(on: butler.plex())
            let second = await butler.stop(on: butler.plex())

            #expect([first.outcome, second.outcome] == [.notRunning, .notRunning])
            #expect(butler.requestLines == [Self.delete, Self.list, Self.delete])
        }
    }

    @Test func failedLookupIsNotRemembered() async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: .close)) { butler in
            _ = await butler.stop(on: butler.plex())
            _ = await butler.stop(on: butler.plex())

            #expect(butler.distinctRequestLines == [Self.delete, Self.list, Self.delete, Self.list])
        }
    }

    @Test func expiredListIsReadAgain() async throws {
        let server = try ScriptedPlex.server(list: ScriptedPlex.json(["BackupDatabase"]))
        try await ButlerHarness.with(server, taskListLifetime: .milliseconds(50)) { butler in
            _ = await butler.stop(on: butler.plex())
            try await Task.sleep(for: .milliseconds(100))
            let result = await butler.stop(on: butler.plex())

            #expect(result.outcome == .notRunning)
            #expect(butler.requestLines == [Self.delete, Self.list, Self.delete, Self.list])
        }
    }
}
