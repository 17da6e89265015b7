import GateHTTP
import PlexButler
import Testing

@testable import ButlerGate

struct GatewayFanoutTests {
    typealias Script = FakeTransport.Script

    @Test(
        arguments: [
            ([Script.status(200), .status(404), .status(200)], 200, "stopped", ["stopped", "not_running", "stopped"]),
            (
                [Script.status(200), .status(401), .failure(.unreachable)], 207, "partial",
                ["stopped", "upstream_unauthorized", "unreachable"]
            ),
            (
                [Script.status(500), .failure(.tls), .failure(.timeout)], 502, "failed",
                ["upstream_error", "tls_error", "timeout"]
            ),
            (
                [Script.failure(.timeout), .failure(.timeout), .failure(.timeout)], 504, "failed",
                ["timeout", "timeout", "timeout"]
            ),
        ] as [([Script], Int, String, [String])]
    )
    func overallOutcomeMapsToHTTPStatus(scripts: [Script], status: Int, outcome: String, outcomes: [String]) async {
        let harness = GatewayHarness(scripts: ["den": scripts[0], "attic": scripts[1], "cabin": scripts[2]])
        let response = await harness.send("POST", "/v1/tasks/BackupDatabase/stop")
        #expect(response.status == status)
        #expect(response.json["outcome"] as? String == outcome)
        #expect(response.serverOutcomes == outcomes)
        #expect(!response.text.contains("secret body"))
        harness.expectNoSecrets()
    }

    @Test func resultKeepsContractKeyOrder() async {
        let harness = GatewayHarness(scripts: ["attic": .failure(.unreachable)])
        let response = await harness.send(
            "POST",
            "/v1/tasks/BackupDatabase/stop?servers=den,attic",
            headers: [("X-Request-ID", "abc")]
        )
        let text = response.text.replacingOccurrences(
            of: #""durationMs":\d+"#,
            with: #""durationMs":0"#,
            options: .regularExpression
        )
        #expect(
            text == #"{"requestId":"abc","task":"BackupDatabase","outcome":"partial","servers":["#
                + #"{"server":"den","outcome":"stopped","upstreamStatus":200,"durationMs":0},"#
                + #"{"server":"attic","outcome":"unreachable","error":"scripted unreachable","durationMs":0}]}"#
        )
        harness.expectNoSecrets()
    }

    /// Counted in flight rather than timed, so a busy machine cannot make a concurrent fan-out look serial.
    @Test func serversAreCalledConcurrently() async {
        let slow = Script.status(200, after: .milliseconds(600))
        let harness = GatewayHarness(scripts: ["den": slow, "attic": slow, "cabin": slow])
        let response = await harness.send("POST", "/v1/tasks/BackupDatabase/stop")
        #expect(response.status == 200)
        #expect(harness.transport.peakConcurrency == 3)
        #expect(harness.transport.requests.count == 3)
        harness.expectNoSecrets()
    }

    /// The deadline reaches the transport as its timeout, so a slow server cannot hold the request past it.
    /// One server only: a second, quick one could itself miss the deadline while a loaded pool delays its task.
    @Test func requestDeadlineBoundsEachCallThroughTheTransportTimeout() async {
        let harness = GatewayHarness(
            scripts: ["den": Script.status(200, after: .seconds(20))],
            limits: LimitsConfig(requestDeadlineMs: 1000),
            timeoutMs: 8000
        )
        let started = ContinuousClock.now
        let response = await harness.send("POST", "/v1/servers/den/tasks/BackupDatabase/stop")
        let elapsed = started.duration(to: .now)
        #expect(elapsed < .seconds(8), "the request outlived its deadline by far: \(elapsed)")
        #expect(response.status == 504)
        #expect(response.serverOutcomes == ["timeout"])
        #expect(harness.transport.requests.count == 1)
        #expect(harness.transport.requests.allSatisfy { $0.timeout <= .milliseconds(1000) })
        harness.expectNoSecrets()
    }

    @Test func upstreamCallCarriesTokenOnlyInHeader() async throws {
        let harness = GatewayHarness()
        _ = await harness.send("POST", "/v1/servers/den/tasks/BackupDatabase/stop")
        let request = try #require(harness.transport.requests.first)
        #expect(request.method == "DELETE")
        #expect(!request.url.contains(harness.tokens["den"]!))
        #expect(request.headers.first { $0.name == "X-Plex-Token" }?.value == harness.tokens["den"])
        #expect(request.headers.first { $0.name == "X-Plex-Client-Identifier" }?.value == "test-client")
        harness.expectNoSecrets()
    }

    @Test(arguments: [
        ([StopOutcome.stopped, .notRunning], 200),
        ([StopOutcome.unknownTask, .stopped], 207),
        ([StopOutcome.unknownTask], 502),
        ([StopOutcome.timeout, .unreachable], 502),
        ([StopOutcome.timeout], 504),
    ])
    func summaryCountsNotRunningAsSuccessAndUnknownTaskAsFailure(outcomes: [StopOutcome], status: Int) {
        let results = outcomes.map { ServerStopResult(server: "s", outcome: $0, durationMs: 1) }
        #expect(StopSummary(results).httpStatus == status)
    }
}

extension GatewayFanoutTests {
    @Test func concurrentRequestsEachGetTheirOwnResultAndAccessLine() async {
        let harness = GatewayHarness(scripts: ["attic": .status(404, after: .milliseconds(20))])
        let statuses = await withTaskGroup(of: (String, Int, String?).self) { group in
            for index in 0..<40 {
                group.addTask {
                    let id = "req-\(index)"
                    let response = await harness.send(
                        "POST",
                        "/v1/tasks/BackupDatabase/stop",
                        headers: [("X-Request-ID", id)]
                    )
                    return (id, response.status, response.json["requestId"] as? String)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.count == 40)
        #expect(statuses.allSatisfy { $0.1 == 200 && $0.2 == $0.0 })
        #expect(harness.accessLines.count == 40)
        #expect(harness.transport.requests.filter { $0.method == "DELETE" }.count == 120)
        harness.expectNoSecrets()
    }
}
