import Foundation
import GateHTTP
import GateTestSupport
import Testing

@testable import ButlerGate

@Suite(.serialized)
struct GatewayRequestTimeoutTests {
    /// Where the request stops arriving.
    enum Stall: CaseIterable {
        case midHead, midBody

        /// The bytes sent before the client goes quiet; the body stall passes screening first.
        func bytes(key: String) -> String {
            switch self {
            case .midHead:
                "GET /v1/tasks HTTP/1.1\r\nHost: a\r\n"
            case .midBody:
                "POST /v1/stop HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer \(key)\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"task\":"
            }
        }
    }

    @Test(arguments: Stall.allCases)
    func stalledRequestGetsA408ProblemAndOneAccessLineTimedFromItsFirstByte(_ stall: Stall) async throws {
        let harness = GatewayHarness()
        let wait = 300
        let timeouts = HTTPTimeouts(header: .milliseconds(wait), body: .milliseconds(wait))
        let configuration = HTTPServerConfiguration(loopCount: 1, timeouts: timeouts)
        let server = try HTTPServer(configuration: configuration, responder: harness.gateway)
        try server.start()
        let port = server.port
        let raw = stall.bytes(key: harness.keys["admin"] ?? "")
        let response: RawResponse
        do {
            response = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send(raw)
                return try client.readResponse(timeout: .seconds(3))
            }
        } catch {
            await server.shutdown(gracePeriod: .milliseconds(200))
            throw error
        }
        await server.shutdown(gracePeriod: .milliseconds(200))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(response.status == 408)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(json["code"] as? String == "request_timeout")
        #expect(response.header("X-Request-ID") == json["requestId"] as? String)
        let lines = harness.accessLines
        #expect(lines.count == 1)
        #expect(lines.first?.metadata["client.address"] == "127.0.0.1")
        #expect(lines.first?.metadata["http.status"] == 408)
        guard case .int(let milliseconds) = lines.first?.metadata["duration.ms"] else {
            Issue.record("no integer duration.ms")
            return
        }
        #expect(milliseconds >= wait)
        harness.expectNoSecrets()
    }
}
