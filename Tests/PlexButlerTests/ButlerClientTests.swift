import Testing

@testable import PlexButler

/// `ButlerClient` over `CurlTransport` against a scripted loopback server.
struct ButlerClientTests {
    /// One stop call through a transport of its own, for servers no `ButlerHarness` owns.
    private func stop(
        _ task: String = "BackupDatabase",
        on plex: PlexServer,
        within deadline: Duration = .seconds(5)
    ) async throws -> ServerStopResult {
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let client = ButlerClient(transport: transport, identity: Fixtures.identity)
        return await client.stop(task: task, on: plex, deadline: Fixtures.deadline(in: deadline))
    }

    /// Scripted answers and faults, each with the classification it must get.
    static let scenarios: [StopScenario] = [
        StopScenario(
            name: "200 with an empty body",
            reply: .http(200, "OK"),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        StopScenario(
            name: "200 with an XML body",
            reply: .http(200, "OK", headers: ["Content-Type: text/xml"], body: "<MediaContainer size=\"0\"/>"),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        StopScenario(name: "404", reply: .http(404, "Not Found"), outcome: .notRunning, status: 404, error: nil),
        StopScenario(
            name: "401 with Plex's JSON errors",
            reply: .http(
                401,
                "Unauthorized",
                headers: ["Content-Type: application/json"],
                body: #"{"errors":[{"code":1001,"message":"User could not be authenticated","status":401}]}"#
            ),
            outcome: .upstreamUnauthorized,
            status: 401,
            error: "Plex refused the configured token"
        ),
        StopScenario(
            name: "500 with an HTML page",
            reply: .http(500, "Internal Server Error", headers: ["Content-Type: text/html"], body: "<html>oops</html>"),
            outcome: .upstreamError,
            status: 500,
            error: "Plex answered with status 500"
        ),
        StopScenario(
            name: "302 is not followed",
            reply: .http(302, "Found", headers: ["Location: http://127.0.0.1:9/elsewhere"]),
            outcome: .upstreamError,
            status: 302,
            error: "Plex answered with a redirect, which is not followed"
        ),
        StopScenario(
            name: "close without an answer",
            reply: .close,
            outcome: .unreachable,
            status: nil,
            error: "connection closed without a response"
        ),
        StopScenario(
            name: "reset without an answer",
            reply: .reset,
            outcome: .unreachable,
            status: nil,
            error: "connection reset"
        ),
        StopScenario(
            name: "200 cut short mid-body",
            reply: .respondAndClose("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\""),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        StopScenario(
            name: "garbage status line",
            reply: .respondAndClose("GARBAGE\r\n\r\n"),
            outcome: .invalidResponse,
            status: nil,
            error: "malformed HTTP response"
        ),
        StopScenario(
            name: "non-numeric status",
            reply: .respondAndClose("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n"),
            outcome: .invalidResponse,
            status: nil,
            error: "malformed HTTP response"
        ),
    ]

    @Test(arguments: scenarios)
    func classifiesEachScriptedAnswer(_ scenario: StopScenario) async throws {
        try await ButlerHarness.with(ScriptedServer(reply: scenario.reply)) { butler in
            let result = await butler.stop(on: butler.plex())
            #expect(result.server == "den")
            #expect(result.outcome == scenario.outcome)
            #expect(result.upstreamStatus == scenario.status)
            #expect(result.error == scenario.error)
            // A 404 is followed by the task list lookup, which these servers answer like the stop call.
            #expect(butler.server.recordedRequests.count == (scenario.status == 404 ? 2 : 1))
        }
    }

    @Test func hangingServerTimesOutWithinTheServerTimeout() async throws {
        try await ButlerHarness.with(ScriptedServer(reply: .hang)) { butler in
            let (result, elapsed) = await butler.timedStop(on: butler.plex(timeout: .milliseconds(300)))
            #expect(result.outcome == .timeout)
            #expect(result.error == "timed out after 300 ms")
            #expect(elapsed >= .milliseconds(250) && elapsed < .milliseconds(1500))
        }
    }

    @Test func deadlineShorterThanServerTimeoutBoundsTheCall() async throws {
        try await ButlerHarness.with(ScriptedServer(reply: .hang)) { butler in
            let plex = butler.plex(timeout: .seconds(10))
            let (result, elapsed) = await butler.timedStop(on: plex, within: .milliseconds(300))
            #expect(result.outcome == .timeout)
            #expect(elapsed < .milliseconds(1500))
            #expect(result.durationMs >= 250 && result.durationMs < 1500)
        }
    }

    @Test func refusedPortIsUnreachable() async throws {
        let port = try ScriptedServer.unusedPort()

        let plex = Fixtures.server("http://127.0.0.1:\(port)")
        let result = try await stop(on: plex)
        #expect(result.outcome == .unreachable)
        #expect(result.error == "connection refused")
    }

    @Test func httpsAgainstAPlainServerIsATLSError() async throws {
        try await ButlerHarness.with(ScriptedServer(reply: .http(200, "OK"))) { butler in
            let result = await butler.stop(on: Fixtures.server("https://127.0.0.1:\(butler.server.port)"))
            #expect(result.outcome == .tlsError)
            #expect(result.error == "TLS handshake failed")
        }
    }

    @Test func requestOnTheWireCarriesTheTokenOnlyInItsHeader() async throws {
        try await ButlerHarness.with(ScriptedServer(reply: .http(200, "OK"))) { butler in
            _ = await butler.stop("GenerateChapterThumbs", on: butler.plex())
            let raw = try #require(butler.server.recordedRequests.first)
            let lines = raw.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == "DELETE /butler/GenerateChapterThumbs HTTP/1.1")
            #expect(lines.first?.contains(Fixtures.token) == false)
            let expected = [
                "X-Plex-Token: \(Fixtures.token)",
                "X-Plex-Client-Identifier: butlergate-test-0001",
                "X-Plex-Product: ButlerGate",
                "X-Plex-Version: 0.1.0",
                "X-Plex-Platform: Linux",
                "X-Plex-Device: ButlerGate",
                "X-Plex-Device-Name: ButlerGate",
                "Accept: application/json",
            ]
            for line in expected {
                #expect(lines.contains(line), "missing \(line)")
            }
            #expect(lines.filter { $0.lowercased().hasPrefix("accept:") }.count == 1)
            #expect(lines.filter { $0.contains(Fixtures.token) } == ["X-Plex-Token: \(Fixtures.token)"])
        }
    }

    @Test func failurePhrasesNeverCarryTheTokenOrURL() async throws {
        var phrases: [String] = []
        let faults = [ScriptedReply.close, .respondAndClose("GARBAGE\r\n\r\n"), .hang, .http(500, "Oops")]
        for reply in faults {
            let server = try ScriptedServer(reply: reply)
            defer { server.stop() }
            for scheme in ["http", "https"] {
                let plex = Fixtures.server("\(scheme)://127.0.0.1:\(server.port)", timeout: .milliseconds(200))
                phrases.append(try #require(try await stop(on: plex).error))
            }
        }
        let refused = Fixtures.server("http://127.0.0.1:\(try ScriptedServer.unusedPort())")
        phrases.append(try #require(try await stop(on: refused).error))

        #expect(phrases.count == 9)
        for phrase in phrases {
            #expect(!phrase.contains(Fixtures.token))
            #expect(!phrase.contains("127.0.0.1"))
            #expect(!phrase.contains("butler"))
        }
    }

    @Test(arguments: ["", "../identity", "Backup?x=1", "Backup%2F", "Backup Database", "Bäckup"])
    func taskNamesThatCouldLeaveTheButlerPathAreNeverSent(task: String) async throws {
        try await ButlerHarness.with(ScriptedServer(reply: .http(200, "OK"))) { butler in
            let result = await butler.stop(task, on: butler.plex())
            #expect(result.outcome == .unknownTask)
            #expect(result.error == "invalid task name")
            #expect(butler.server.connectionCount == 0)
        }
    }
}
