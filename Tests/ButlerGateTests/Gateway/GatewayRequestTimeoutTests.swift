import Foundation
import GateHTTP
import GateTestSupport
import Testing

@testable import ButlerGate

@Suite(.serialized)
struct GatewayRequestTimeoutTests {
    @Test func stalledHeadGetsA408ProblemAndOneAccessLineWithTheClient() async throws {
        let harness = GatewayHarness()
        let configuration = HTTPServerConfiguration(loopCount: 1, timeouts: HTTPTimeouts(header: .milliseconds(300)))
        let server = try HTTPServer(configuration: configuration, responder: harness.gateway)
        try server.start()
        let port = server.port
        let response: RawResponse
        do {
            response = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("GET /v1/tasks HTTP/1.1\r\nHost: a\r\n")
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
        harness.expectNoSecrets()
    }
}
