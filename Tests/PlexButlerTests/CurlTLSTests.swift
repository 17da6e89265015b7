import Testing

@testable import PlexButler

/// Per-server TLS settings against a real TLS server with a self-signed certificate.
@Suite(.serialized)
struct CurlTLSTests {
    private func fetch(
        _ server: OpenSSLServer,
        tls: UpstreamTLS,
        throughName: Bool = false
    ) async throws
        -> Result<UpstreamResponse, UpstreamFailure>
    {
        let transport = try CurlTransport()
        defer { transport.shutdown() }
        let host = throughName ? OpenSSLServer.hostName : "127.0.0.1"
        let request = UpstreamRequest(
            method: "GET",
            url: "https://\(host):\(server.port)/identity",
            tls: tls,
            resolveTo: throughName ? "127.0.0.1" : nil,
            timeout: .seconds(3)
        )
        return await transport.perform(request)
    }

    @Test func selfSignedCertificateFailsSystemTrust() async throws {
        let server = try await OpenSSLServer.start()
        defer { server.stop() }
        let outcome = try await fetch(server, tls: UpstreamTLS())
        #expect(outcome.failureValue == UpstreamFailure(.tls, "certificate verification failed"))
    }

    @Test func caFileTrustsTheServerAndResolveKeepsTheCertificateName() async throws {
        let server = try await OpenSSLServer.start()
        defer { server.stop() }
        let outcome = try await fetch(server, tls: UpstreamTLS(caFile: server.certificatePath), throughName: true)
        #expect(try outcome.get().status == 200)
    }

    @Test func matchingPinIsAcceptedAndAnyOtherKeyIsRefused() async throws {
        let server = try await OpenSSLServer.start()
        defer { server.stop() }
        let matching = UpstreamTLS(caFile: server.certificatePath, pinnedPublicKey: server.pin)
        #expect(try await fetch(server, tls: matching).get().status == 200)

        let otherKey = "sha256//" + String(repeating: "A", count: 43) + "="
        let wrong = UpstreamTLS(caFile: server.certificatePath, pinnedPublicKey: otherKey)
        let outcome = try await fetch(server, tls: wrong)
        #expect(outcome.failureValue == UpstreamFailure(.tls, "pinned public key mismatch"))
    }

    @Test func pinAloneTrustsASelfSignedCertificateByNameAndByAddress() async throws {
        let server = try await OpenSSLServer.start()
        defer { server.stop() }
        let pinned = UpstreamTLS(pinnedPublicKey: server.pin)
        #expect(try await fetch(server, tls: pinned).get().status == 200)
        #expect(try await fetch(server, tls: pinned, throughName: true).get().status == 200)
    }

    @Test func pinAloneTrustsACertificateThatNamesAnotherHost() async throws {
        let server = try await OpenSSLServer.start(names: "DNS:plex.example.invalid")
        defer { server.stop() }
        let withoutPin = try await fetch(server, tls: UpstreamTLS(caFile: server.certificatePath))
        #expect(withoutPin.failureValue?.kind == .tls)
        let outcome = try await fetch(server, tls: UpstreamTLS(pinnedPublicKey: server.pin))
        #expect(try outcome.get().status == 200)
    }

    @Test func wrongPinAloneIsRefusedAsAMismatch() async throws {
        let server = try await OpenSSLServer.start()
        defer { server.stop() }
        let otherKey = "sha256//" + String(repeating: "A", count: 43) + "="
        let outcome = try await fetch(server, tls: UpstreamTLS(pinnedPublicKey: otherKey))
        #expect(outcome.failureValue == UpstreamFailure(.tls, "pinned public key mismatch"))
    }

    @Test func pinWithCAFileStillChecksTheHostName() async throws {
        let server = try await OpenSSLServer.start(names: "DNS:plex.example.invalid")
        defer { server.stop() }
        let both = UpstreamTLS(caFile: server.certificatePath, pinnedPublicKey: server.pin)
        let outcome = try await fetch(server, tls: both)
        #expect(outcome.failureValue?.kind == .tls)
    }

    @Test func insecureFlagSkipsVerification() async throws {
        let server = try await OpenSSLServer.start()
        defer { server.stop() }
        let outcome = try await fetch(server, tls: UpstreamTLS(insecureSkipVerify: true))
        #expect(try outcome.get().status == 200)
    }

    @Test func unreadableCAFileIsReportedAsSuch() async throws {
        let server = try await OpenSSLServer.start()
        defer { server.stop() }
        let outcome = try await fetch(server, tls: UpstreamTLS(caFile: "/tmp/plexbutler-no-such-ca.pem"))
        #expect(outcome.failureValue == UpstreamFailure(.tls, "CA file could not be loaded"))
    }
}
