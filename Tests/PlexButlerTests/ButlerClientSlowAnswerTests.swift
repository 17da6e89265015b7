import Testing

@testable import PlexButler

/// A server that starts answering and then stalls: the status line, once complete, decides.
struct ButlerClientSlowAnswerTests {
    static let timeout = Duration.milliseconds(400)
    static let slowly = Duration.milliseconds(50)
    /// 100 bytes at one per 50 ms: five seconds, far past the timeout.
    static let longBody = String(repeating: "x", count: 100)

    static let scenarios: [StopScenario] = [
        StopScenario(
            name: "200, then a body dripping past the timeout",
            reply: .drip("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", then: longBody, every: slowly),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        StopScenario(
            name: "200 status line, then header fields dripping past the timeout",
            reply: .drip("HTTP/1.1 200 OK\r\n", then: "X-Padding: " + longBody, every: slowly),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        StopScenario(
            name: "status line itself dripping past the timeout",
            reply: .drip("HTTP/1.1 2", then: "00 OK " + longBody + "\r\n\r\n", every: slowly),
            outcome: .timeout,
            status: nil,
            error: "timed out after 400 ms"
        ),
        StopScenario(
            name: "100 Continue, then the final answer dripping past the timeout",
            reply: .drip("HTTP/1.1 100 Continue\r\n\r\n", then: "HTTP/1.1 200 OK " + longBody + "\r\n", every: slowly),
            outcome: .timeout,
            status: nil,
            error: "timed out after 400 ms"
        ),
        StopScenario(
            name: "404, then a body dripping past the timeout",
            reply: .drip("HTTP/1.1 404 Not Found\r\nContent-Length: 100\r\n\r\n", then: longBody, every: slowly),
            outcome: .notRunning,
            status: 404,
            error: nil
        ),
    ]

    @Test(arguments: scenarios)
    func statusLineDecidesWithinTheServerTimeout(_ scenario: StopScenario) async throws {
        try await ButlerHarness.with(ScriptedServer(reply: scenario.reply)) { butler in
            let (result, elapsed) = await butler.timedStop(on: butler.plex(timeout: Self.timeout))

            #expect(result.outcome == scenario.outcome)
            #expect(result.upstreamStatus == scenario.status)
            #expect(result.error == scenario.error)
            #expect(elapsed >= .milliseconds(350) && elapsed < .milliseconds(1500))
            // A 404 leaves at most a sliver of the budget for the task list, which then times out unread.
            #expect(butler.requestLines.first == "DELETE /butler/BackupDatabase HTTP/1.1")
        }
    }

    @Test func slow404StillUsesARememberedTaskList() async throws {
        let slow404 = ScriptedReply.drip(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 100\r\n\r\n",
            then: Self.longBody,
            every: Self.slowly
        )
        let server = try ScriptedServer { request in
            if request.hasPrefix("GET /butler HTTP/1.1\r\n") {
                return ScriptedPlex.json(["BackupDatabase", "OptimizeDatabase"])
            }
            return request.hasPrefix("DELETE /butler/GhostTask ") ? slow404 : .http(404, "Not Found")
        }
        try await ButlerHarness.with(server) { butler in
            // The first call has room to read the list even on a loaded machine; the same server and
            // token with a shorter timeout share its cache entry.
            let first = await butler.stop(on: butler.plex())
            #expect(first.outcome == .notRunning)

            let ghost = await butler.stop("GhostTask", on: butler.plex(timeout: Self.timeout))
            #expect(ghost.outcome == .unknownTask)
            #expect(ghost.upstreamStatus == 404)
            #expect(butler.requestLines.filter { $0.hasPrefix("GET") }.count == 1)
        }
    }

    @Test func taskListCutShortByTheTimeoutIsNotTrusted() async throws {
        // The part that arrives lists other tasks; read as a whole list it would call the task unknown.
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 300\r\n\r\n"
            + #"<MediaContainer><ButlerTasks><ButlerTask name="CleanOldBundles"/>"#
        let slowList = ScriptedReply.drip(head, then: #"<ButlerTask name="BackupDatabase"/>"#, every: .seconds(5))
        try await ButlerHarness.with(ScriptedPlex.server(list: slowList)) { butler in
            // Long enough that the quick 404 leaves the list read a real share of the budget under load.
            let result = await butler.stop(on: butler.plex(timeout: .seconds(1)))

            #expect(result.outcome == .notRunning)
            #expect(result.error == nil)
            #expect(butler.requestLines == ["DELETE /butler/BackupDatabase HTTP/1.1", "GET /butler HTTP/1.1"])
        }
    }
}
