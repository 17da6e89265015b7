import Testing

@testable import PlexButler

/// How the server answers `GET /butler` after a 404, and what the stop result must say then.
struct TaskListScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let list: ScriptedReply
    let outcome: StopOutcome
    let error: String?

    var testDescription: String { name }
}

/// A 404 from `DELETE /butler/{task}` is told apart by the server's own task list.
struct ButlerClientUnknownTaskTests {
    static let unknown = "this server has no such task"

    static let scenarios: [TaskListScenario] = [
        TaskListScenario(
            name: "JSON list lacking the task",
            list: ScriptedPlex.json(["OptimizeDatabase", "AutomaticUpdates"]),
            outcome: .unknownTask,
            error: unknown
        ),
        TaskListScenario(
            name: "JSON list holding the task",
            list: ScriptedPlex.json(["OptimizeDatabase", "BackupDatabase"]),
            outcome: .notRunning,
            error: nil
        ),
        TaskListScenario(
            name: "JSON list holding the task in other case",
            list: ScriptedPlex.json(["backupdatabase"]),
            outcome: .notRunning,
            error: nil
        ),
        TaskListScenario(
            name: "XML list lacking the task",
            list: .http(
                200,
                "OK",
                headers: ["Content-Type: text/xml"],
                body: #"<MediaContainer><ButlerTasks><ButlerTask name="CleanOldBundles"/></ButlerTasks>"#
                    + "</MediaContainer>"
            ),
            outcome: .unknownTask,
            error: unknown
        ),
        TaskListScenario(
            name: "XML list holding the task",
            list: .http(
                200,
                "OK",
                body: #"<ButlerTasks><ButlerTask name="BackupDatabase" interval="3"/></ButlerTasks>"#
            ),
            outcome: .notRunning,
            error: nil
        ),
        TaskListScenario(name: "empty list", list: ScriptedPlex.json([]), outcome: .notRunning, error: nil),
        TaskListScenario(name: "list answered 404", list: .http(404, "Not Found"), outcome: .notRunning, error: nil),
        TaskListScenario(name: "list answered 500", list: .http(500, "Oops"), outcome: .notRunning, error: nil),
        TaskListScenario(name: "list answered 401", list: .http(401, "No"), outcome: .notRunning, error: nil),
        TaskListScenario(
            name: "garbage 200",
            list: .http(200, "OK", body: "\u{1}\u{2}binary"),
            outcome: .notRunning,
            error: nil
        ),
        TaskListScenario(
            name: "list cut short",
            list: .respondAndClose("HTTP/1.1 200 OK\r\nContent-Length: 400\r\n\r\n{\"ButlerTasks\":{\"ButlerT"),
            outcome: .notRunning,
            error: nil
        ),
        TaskListScenario(name: "connection closed", list: .close, outcome: .notRunning, error: nil),
        TaskListScenario(name: "connection reset", list: .reset, outcome: .notRunning, error: nil),
    ]

    @Test(arguments: scenarios)
    func notFoundIsJudgedByTheServersOwnList(_ scenario: TaskListScenario) async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: scenario.list)) { butler in
            let result = await butler.stop(on: butler.plex())

            #expect(result.outcome == scenario.outcome)
            #expect(result.error == scenario.error)
            #expect(result.upstreamStatus == 404)
            #expect(result.server == "den")
            #expect(butler.distinctRequestLines == ["DELETE /butler/BackupDatabase HTTP/1.1", "GET /butler HTTP/1.1"])
        }
    }

    @Test func stoppedTaskNeedsNoLookup() async throws {
        let server = try ScriptedPlex.server(list: ScriptedPlex.json(["OptimizeDatabase"]), delete: .http(200, "OK"))
        try await ButlerHarness.with(server) { butler in
            let result = await butler.stop(on: butler.plex())

            #expect(result.outcome == .stopped)
            #expect(butler.requestLines == ["DELETE /butler/BackupDatabase HTTP/1.1"])
        }
    }

    @Test func lookupCarriesTheTokenOnlyInItsHeaderAndSendsNoBody() async throws {
        try await ButlerHarness.with(ScriptedPlex.server(list: ScriptedPlex.json(["OptimizeDatabase"]))) { butler in
            _ = await butler.stop(on: butler.plex())

            let raw = try #require(butler.server.recordedRequests.last)
            let parts = raw.components(separatedBy: "\r\n\r\n")
            let lines = parts[0].components(separatedBy: "\r\n")
            #expect(lines.first == "GET /butler HTTP/1.1")
            #expect(lines.filter { $0.contains(Fixtures.token) } == ["X-Plex-Token: \(Fixtures.token)"])
            #expect(lines.contains("Accept: application/json"))
            #expect(lines.contains("X-Plex-Client-Identifier: butlergate-test-0001"))
            #expect(!lines.contains { $0.lowercased().hasPrefix("content-length:") && !$0.hasSuffix(" 0") })
            #expect(parts.dropFirst().joined().isEmpty)
        }
    }
}
