import Foundation
import GateHTTP
import MockPlex
import PlexButler
import Testing

/// The simulated server answers the Butler routes as Plex does, and shows the faults it is told to.
@Suite(.serialized)
struct MockPlexTests {
    static let token = "mockToken-0123456789"

    private func call(
        _ mock: MockPlex,
        _ method: String,
        _ path: String,
        token: String = MockPlexTests.token,
        timeout: Duration = .seconds(5)
    ) async throws -> Result<UpstreamResponse, UpstreamFailure> {
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let request = UpstreamRequest(
            method: method,
            url: mock.url + path,
            headers: [("X-Plex-Token", token), ("Accept", "application/json")],
            tls: UpstreamTLS(insecureSkipVerify: true),
            timeout: timeout
        )
        return await transport.perform(request)
    }

    @Test func stopsARunningTaskOnceThenAnswers404() async throws {
        let mock = try MockPlex(name: "den", token: Self.token, running: ["BackupDatabase"])
        try mock.start()

        let first = try await call(mock, "DELETE", "/butler/BackupDatabase").get()
        let second = try await call(mock, "DELETE", "/butler/BackupDatabase").get()

        #expect(first.status == 200)
        #expect(second.status == 404)
        #expect(await mock.running().isEmpty)
        #expect(await mock.requests().map(\.target) == ["/butler/BackupDatabase", "/butler/BackupDatabase"])
        await mock.shutdown()
    }

    @Test func wrongTokenGets401WithPlexErrorBodyAndStopsNothing() async throws {
        let mock = try MockPlex(name: "den", token: Self.token, running: ["BackupDatabase"])
        try mock.start()

        let response = try await call(mock, "DELETE", "/butler/BackupDatabase", token: "someOtherToken").get()

        #expect(response.status == 401)
        #expect(String(decoding: response.body, as: UTF8.self).contains("User could not be authenticated"))
        #expect(await mock.running() == ["BackupDatabase"])
        await mock.shutdown()
    }

    @Test func listsKnownTasksAndIdentity() async throws {
        let mock = try MockPlex(name: "den", token: Self.token, knownTasks: ["BackupDatabase", "OptimizeDatabase"])
        try mock.start()

        let list = try await call(mock, "GET", "/butler").get()
        let identity = try await call(mock, "GET", "/identity", token: "").get()
        let started = try await call(mock, "POST", "/butler/OptimizeDatabase").get()
        let again = try await call(mock, "POST", "/butler/OptimizeDatabase").get()

        #expect(String(decoding: list.body, as: UTF8.self).contains(#""name":"OptimizeDatabase""#))
        #expect(String(decoding: identity.body, as: UTF8.self).contains(mock.machineIdentifier))
        #expect(mock.machineIdentifier.count == 40)
        #expect(started.status == 200)
        #expect(again.status == 202)
        #expect(await mock.running() == ["OptimizeDatabase"])
        await mock.shutdown()
    }

    @Test func withoutKnownTasksTheListIsNotAvailable() async throws {
        let mock = try MockPlex(name: "den", token: Self.token, running: ["BackupDatabase"])
        try mock.start()

        let list = try await call(mock, "GET", "/butler").get()

        #expect(list.status == 404)
        #expect(await mock.running() == ["BackupDatabase"])
        await mock.shutdown()
    }

    @Test func injectedFaultsShowUp() async throws {
        let mock = try MockPlex(name: "den", token: Self.token, running: ["BackupDatabase"])
        try mock.start()

        await mock.setFault(.html(500), task: "BackupDatabase")
        let html = try await call(mock, "DELETE", "/butler/BackupDatabase").get()
        await mock.setFault(.status(503))
        let unavailable = try await call(mock, "DELETE", "/butler/OptimizeDatabase").get()
        await mock.setFault(.closeWithoutAnswer)
        let dropped = try await call(mock, "DELETE", "/butler/OptimizeDatabase")
        await mock.setFault(.hang)
        let hung = try await call(mock, "DELETE", "/butler/OptimizeDatabase", timeout: .milliseconds(300))

        #expect(html.status == 500)
        #expect(html.contentType?.hasPrefix("text/html") == true)
        #expect(unavailable.status == 503)
        #expect(throws: UpstreamFailure.self) { try dropped.get() }
        #expect((try? hung.get()) == nil)
        if case .failure(let failure) = hung { #expect(failure.kind == .timeout) }
        await mock.shutdown()
    }

    @Test func delayHoldsTheAnswer() async throws {
        let mock = try MockPlex(name: "den", token: Self.token)
        try mock.start()
        await mock.setFault(.delay(.milliseconds(250)))
        let clock = ContinuousClock()
        let started = clock.now

        let response = try await call(mock, "DELETE", "/butler/BackupDatabase").get()

        #expect(response.status == 404)
        #expect(started.duration(to: clock.now) >= .milliseconds(240))
        await mock.shutdown()
    }

    @Test func servesTLSWithASelfSignedCertificate() async throws {
        let certificate = try SelfSignedCertificate.generate()
        let tls = TLSConfiguration(.pem(certificate: certificate.certificatePEM, privateKey: certificate.privateKeyPEM))
        let mock = try MockPlex(name: "den", token: Self.token, running: ["BackupDatabase"], tls: tls)
        try mock.start()

        let response = try await call(mock, "DELETE", "/butler/BackupDatabase").get()
        let transport = try CurlTransport()
        let verified = await transport.perform(
            UpstreamRequest(method: "DELETE", url: mock.url + "/butler/BackupDatabase", timeout: .seconds(5))
        )
        transport.shutdown()

        #expect(mock.url.hasPrefix("https://"))
        #expect(response.status == 200)
        if case .failure(let failure) = verified {
            #expect(failure.kind == .tls)
        } else {
            Issue.record("a self-signed certificate passed verification against the system store")
        }
        await mock.shutdown()
    }
}
