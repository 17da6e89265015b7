import GateHTTP
import GateTestSupport

/// Starts a server on a free loopback port, runs `body`, and always shuts the server down.
func withServer(
    tls: TLSConfiguration? = nil,
    limits: HTTPLimits = HTTPLimits(),
    timeouts: HTTPTimeouts = HTTPTimeouts(),
    responder: any HTTPResponder = EchoResponder(),
    _ body: (HTTPServer) async throws -> Void
) async throws {
    let configuration = HTTPServerConfiguration(tls: tls, loopCount: 2, limits: limits, timeouts: timeouts)
    let server = try HTTPServer(configuration: configuration, responder: responder)
    try server.start()
    do {
        try await body(server)
    } catch {
        await server.shutdown(gracePeriod: .milliseconds(200))
        throw error
    }
    await server.shutdown(gracePeriod: .milliseconds(200))
}

/// A throwaway in-memory certificate for 127.0.0.1, ::1 and localhost.
func makeTestCertificate() throws -> TLSConfiguration {
    let pair = try SelfSignedCertificate.generate()
    return TLSConfiguration(.pem(certificate: pair.certificatePEM, privateKey: pair.privateKeyPEM))
}
