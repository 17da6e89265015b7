import ButlerGate
import Foundation
import MockPlex
import PlexButler
import Testing

/// A 404 from a server whose own task list lacks the task is `unknown_task`, and a failure.
@Suite(.serialized)
struct UnknownTaskEndToEndTests {
    @Test func olderServerWithoutTheTaskFailsItsPartOfAFanOut() async throws {
        let harness = try await Harness([
            MockSpec(name: "den", running: ["AutomaticUpdates"], knownTasks: TaskCatalogue.currentNames),
            MockSpec(name: "attic", knownTasks: TaskCatalogue.legacyNames),
            MockSpec(name: "loft", knownTasks: TaskCatalogue.currentNames),
        ])

        let reply = try await harness.send("POST", "/v1/tasks/automatic-updates/stop")
        let again = try await harness.send("POST", "/v1/tasks/AutomaticUpdates/stop")

        #expect(reply.status == 207)
        #expect(reply.json["outcome"] as? String == "partial")
        #expect(reply.outcomes == ["den": "stopped", "attic": "unknown_task", "loft": "not_running"])
        let entries = reply.json["servers"] as? [[String: Any]] ?? []
        let attic = try #require(entries.first { $0["server"] as? String == "attic" })
        #expect(attic["upstreamStatus"] as? Int == 404)
        #expect(attic["error"] as? String == "this server has no such task")
        // The second request finds the task lists remembered: one DELETE per server and no new GET.
        #expect(again.outcomes == ["den": "not_running", "attic": "unknown_task", "loft": "not_running"])
        let calls = await harness.received("attic").map { "\($0.method) \($0.target)" }
        #expect(calls == ["DELETE /butler/AutomaticUpdates", "GET /butler", "DELETE /butler/AutomaticUpdates"])
        #expect(await harness.received("den").map(\.method) == ["DELETE", "DELETE", "GET"])
        let lookup = try #require(await harness.received("attic").first { $0.method == "GET" })
        #expect(lookup.headers["X-Plex-Token"] == harness.tokens[2])
        #expect(lookup.headers["Accept"] == "application/json")
        #expect(lookup.target == "/butler")
        harness.expectNoSecrets(in: [reply, again])
        await harness.shutdown()
    }

    @Test func taskUnknownEverywhereIsAFailedStop() async throws {
        let harness = try await Harness([MockSpec(name: "attic", knownTasks: TaskCatalogue.legacyNames)])

        let reply = try await harness.send("POST", "/v1/servers/attic/tasks/LoudnessAnalysis/stop")

        #expect(reply.status == 502)
        #expect(reply.json["outcome"] as? String == "failed")
        #expect(reply.outcomes == ["attic": "unknown_task"])
        harness.expectNoSecrets(in: [reply])
        await harness.shutdown()
    }
}
