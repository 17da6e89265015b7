import Testing

@testable import PlexButler

/// One scripted Plex answer and the classification it must get.
struct ButlerScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let reply: ScriptedReply
    let outcome: StopOutcome
    let status: Int?
    let error: String?
    /// A 404 is followed by the task list lookup, which these servers answer like the stop call.
    var requests: Int { status == 404 ? 2 : 1 }

    var testDescription: String { name }
}

/// `ButlerClient` over `CurlTransport` against a scripted loopback server.
struct ButlerClientTests {
    /// One stop call through a transport of its own.
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
    static let scenarios: [ButlerScenario] = [
        ButlerScenario(
            name: "200 with an empty body",
            reply: .http(200, "OK"),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        ButlerScenario(
            name: "200 with an XML body",
            reply: .http(200, "OK", headers: ["Content-Type: text/xml"], body: "<MediaContainer size=\"0\"/>"),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        ButlerScenario(name: "404", reply: .http(404, "Not Found"), outcome: .notRunning, status: 404, error: nil),
        ButlerScenario(
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
        ButlerScenario(
            name: "500 with an HTML page",
            reply: .http(500, "Internal Server Error", headers: ["Content-Type: text/html"], body: "<html>oops</html>"),
            outcome: .upstreamError,
            status: 500,
            error: "Plex answered with status 500"
        ),
        ButlerScenario(
            name: "302 is not followed",
            reply: .http(302, "Found", headers: ["Location: http://127.0.0.1:9/elsewhere"]),
            outcome: .upstreamError,
            status: 302,
            error: "Plex answered with a redirect, which is not followed"
        ),
        ButlerScenario(
            name: "close without an answer",
            reply: .close,
            outcome: .unreachable,
            status: nil,
            error: "connection closed without a response"
        ),
        ButlerScenario(
            name: "reset without an answer",
            reply: .reset,
            outcome: .unreachable,
            status: nil,
            error: "connection reset"
        ),
        ButlerScenario(
            name: "200 cut short mid-body",
            reply: .respondAndClose("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\""),
            outcome: .stopped,
            status: 200,
            error: nil
        ),
        ButlerScenario(
            name: "garbage status line",
            reply: .respondAndClose("GARBAGE\r\n\r\n"),
            outcome: .invalidResponse,
            status: nil,
            error: "malformed HTTP response"
        ),
        ButlerScenario(
            name: "non-numeric status",
            reply: .respondAndClose("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n"),
            outcome: .invalidResponse,
            status: nil,
            error: "malformed HTTP response"
        ),
    ]

    @Test(arguments: scenarios)
    func classifiesEachScriptedAnswer(_ scenario: ButlerScenario) async throws {
        let server = try ScriptedServer(reply: scenario.reply)
        defer { server.stop() }
        let result = try await stop(on: Fixtures.server(server.baseURL))
        #expect(result.server == "den")
        #expect(result.outcome == scenario.outcome)
        #expect(result.upstreamStatus == scenario.status)
        #expect(result.error == scenario.error)
        #expect(server.recordedRequests.count == scenario.requests)
    }

    @Test func hangingServerTimesOutWithinTheServerTimeout() async throws {
        let server = try ScriptedServer(reply: .hang)
        defer { server.stop() }
        let started = ContinuousClock.now
        let plex = Fixtures.server(server.baseURL, timeout: .milliseconds(300))
        let result = try await stop(on: plex)
        let elapsed = ContinuousClock.now - started
        #expect(result.outcome == .timeout)
        #expect(result.error == "timed out after 300 ms")
        #expect(elapsed >= .milliseconds(250) && elapsed < .milliseconds(1500))
    }

    @Test func deadlineShorterThanServerTimeoutBoundsTheCall() async throws {
        let server = try ScriptedServer(reply: .hang)
        defer { server.stop() }
        let started = ContinuousClock.now
        let plex = Fixtures.server(server.baseURL, timeout: .seconds(10))
        let result = try await stop(on: plex, within: .milliseconds(300))
        let elapsed = ContinuousClock.now - started
        #expect(result.outcome == .timeout)
        #expect(elapsed < .milliseconds(1500))
        #expect(result.durationMs >= 250 && result.durationMs < 1500)
    }

    @Test func refusedPortIsUnreachable() async throws {
        let port = try ScriptedServer.unusedPort()

        let plex = Fixtures.server("http://127.0.0.1:\(port)")
        let result = try await stop(on: plex)
        #expect(result.outcome == .unreachable)
        #expect(result.error == "connection refused")
    }

    @Test func httpsAgainstAPlainServerIsATLSError() async throws {
        let server = try ScriptedServer(reply: .http(200, "OK"))
        defer { server.stop() }
        let plex = Fixtures.server("https://127.0.0.1:\(server.port)")
        let result = try await stop(on: plex)
        #expect(result.outcome == .tlsError)
        #expect(result.error == "TLS handshake failed")
    }

    @Test func requestOnTheWireCarriesTheTokenOnlyInItsHeader() async throws {
        let server = try ScriptedServer(reply: .http(200, "OK"))
        defer { server.stop() }
        _ = try await stop("GenerateChapterThumbs", on: Fixtures.server(server.baseURL))
        let raw = try #require(server.recordedRequests.first)
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
        let server = try ScriptedServer(reply: .http(200, "OK"))
        defer { server.stop() }
        let result = try await stop(task, on: Fixtures.server(server.baseURL))
        #expect(result.outcome == .unknownTask)
        #expect(result.error == "invalid task name")
        #expect(server.connectionCount == 0)
    }
}
