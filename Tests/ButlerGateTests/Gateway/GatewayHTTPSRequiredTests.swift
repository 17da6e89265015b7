import Foundation
import GateHTTP
import GateTestSupport
import Testing

@testable import ButlerGate

@Suite(.serialized)
struct GatewayHTTPSRequiredTests {
    @Test func plainHTTPOnTheTLSPortGetsAnHTTPSRequiredProblemAndOneAccessLine() async throws {
        let harness = GatewayHarness()
        let pair = try SelfSignedCertificate.generate()
        let tls = TLSConfiguration(.pem(certificate: pair.certificatePEM, privateKey: pair.privateKeyPEM))
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(tls: tls, loopCount: 1),
            responder: harness.gateway
        )
        try server.start()
        let port = server.port
        let result: (RawResponse, Bool)
        do {
            result = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("GET /v1/tasks HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try client.readResponse(timeout: .seconds(3))
                return (response, client.isClosedByPeer(within: .seconds(2)))
            }
        } catch {
            await server.shutdown(gracePeriod: .milliseconds(200))
            throw error
        }
        await server.shutdown(gracePeriod: .milliseconds(200))
        let (response, closed) = result
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(json["code"] as? String == "https_required")
        #expect((json["detail"] as? String)?.contains("https://") == true)
        let requestID = try #require(response.header("X-Request-ID"))
        #expect(json["requestId"] as? String == requestID)
        #expect(closed)
        let lines = harness.accessLines
        #expect(lines.count == 1)
        #expect(lines.first?.metadata["request.id"] == .string(requestID))
        #expect(lines.first?.metadata["client.address"] == "127.0.0.1")
        #expect(lines.first?.metadata["http.status"] == 400)
        #expect(lines.first?.metadata["http.method"] == "-")
        harness.expectNoSecrets()
    }
}
