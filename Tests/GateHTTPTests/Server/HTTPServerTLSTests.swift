import GateHTTP
import GateTestSupport
import Glibc
import Testing

@Suite(.serialized)
struct HTTPServerTLSTests {
    @Test
    func servesRequestsOverTLSWithKeepAliveAndPipelining() async throws {
        try await withServer(tls: try makeTestCertificate()) { server in
            let port = server.port
            let bodies = try await runBlocking {
                let client = try RawClient(port: port, tls: true, serverName: "localhost")
                var bodies = [try client.send(method: "POST", path: "/t", body: Array("tls".utf8)).bodyText]
                try client.send("GET /p1 HTTP/1.1\r\nHost: a\r\n\r\nGET /p2 HTTP/1.1\r\nHost: a\r\n\r\n")
                bodies.append(try client.readResponse().bodyText)
                bodies.append(try client.readResponse().bodyText)
                return bodies
            }
            #expect(bodies == ["POST /t 3:tls", "GET /p1 0:", "GET /p2 0:"])
        }
    }

    @Test
    func largeBodiesCrossTLSIntact() async throws {
        try await withServer(tls: try makeTestCertificate()) { server in
            let port = server.port
            let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let response = try await runBlocking {
                try RawClient(port: port, tls: true).send(method: "PUT", path: "/big", body: payload)
            }
            #expect(response.body.count == "PUT /big 200000:".utf8.count + payload.count)
            #expect(Array(response.body.suffix(payload.count)) == payload)
        }
    }

    @Test
    func refusalsWorkOverTLS() async throws {
        try await withServer(tls: try makeTestCertificate()) { server in
            let port = server.port
            let (status, closed) = try await runBlocking {
                let client = try RawClient(port: port, tls: true)
                try client.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
                let status = try client.readResponse().status
                return (status, client.isClosedByPeer(within: .seconds(2)))
            }
            #expect(status == 400)
            #expect(closed)
        }
    }

    @Test
    func stalledHandshakeIsClosed() async throws {
        let timeouts = HTTPTimeouts(tlsHandshake: .milliseconds(300))
        try await withServer(tls: try makeTestCertificate(), timeouts: timeouts) { server in
            let port = server.port
            let closed = try await runBlocking {
                let client = try RawClient(port: port)
                return client.isClosedByPeer(within: .seconds(3))
            }
            #expect(closed)
        }
    }

    @Test(arguments: ["GET / HTTP/1.1\r\nHost: a\r\n\r\n", "OPTIONS * HTTP/1.1\r\n\r\n", "P", "DELETE"])
    func plainHTTPToATLSPortIsRefusedThroughTheResponderInPlainText(_ raw: String) async throws {
        try await withServer(tls: try makeTestCertificate()) { server in
            let port = server.port
            let (response, closed) = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send(raw)
                // A method split across packets is answered once its space arrives.
                if !raw.contains(" ") { try client.send(" /x HTTP/1.1\r\n\r\n") }
                let response = try client.readResponse(timeout: .seconds(2))
                return (response, client.isClosedByPeer(within: .seconds(2)))
            }
            #expect(response.status == 400)
            #expect(response.bodyText == "refused 127.0.0.1 false -")
            #expect(response.header("X-Started-Ms-Ago").flatMap(Int.init) != nil)
            #expect(response.header("Connection") == "close")
            #expect(closed)
        }
    }

    @Test
    func defaultRejectAnswersPlainHTTPWithAnHTTPSHint() async throws {
        try await withServer(tls: try makeTestCertificate(), responder: NoContentResponder()) { server in
            let port = server.port
            let response = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                return try client.readResponse(timeout: .seconds(2))
            }
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(response.bodyText == "This port speaks HTTPS; use https://\n")
        }
    }

    @Test
    func tlsStillWorksAfterAPlainHTTPRefusal() async throws {
        try await withServer(tls: try makeTestCertificate()) { server in
            let port = server.port
            let status = try await runBlocking {
                let plain = try RawClient(port: port)
                try plain.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                _ = try plain.readResponse(timeout: .seconds(2))
                return try RawClient(port: port, tls: true).send(path: "/after").status
            }
            #expect(status == 200)
        }
    }

    @Test
    func otherNonTLSBytesAreDroppedWithoutAnswer() async throws {
        try await withServer(tls: try makeTestCertificate()) { server in
            let port = server.port
            let received = try await runBlocking {
                let client = try RawClient(port: port)
                try client.send([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09])
                return try client.readUntilClose(timeout: .seconds(2))
            }
            #expect(received.isEmpty)
        }
    }

    @Test
    func reloadedCertificateServesNewConnections() async throws {
        try await withServer(tls: try makeTestCertificate()) { server in
            let port = server.port
            let before = try await runBlocking { try RawClient(port: port, tls: true) }
            try server.reloadTLS(try makeTestCertificate())
            let (old, fresh) = try await runBlocking {
                (try before.send(path: "/old").status, try RawClient(port: port, tls: true).send(path: "/new").status)
            }
            #expect(old == 200)
            #expect(fresh == 200)
        }
    }

    @Test
    func missingCertificateFileIsAClearError() throws {
        let paths = (certificate: "/nonexistent/cert.pem", key: "/nonexistent/k.pem")
        let tls = TLSConfiguration(.files(certificatePath: paths.certificate, privateKeyPath: paths.key))
        let error = #expect(throws: HTTPServerError.self) {
            try HTTPServer(configuration: HTTPServerConfiguration(tls: tls), responder: EchoResponder())
        }
        #expect(error?.code == .certificateUnreadable)
        #expect(error?.detail.contains("/nonexistent/cert.pem") == true)
    }

    @Test
    func invalidOrMismatchedPEMIsRejected() throws {
        let first = try SelfSignedCertificate.generate()
        let second = try SelfSignedCertificate.generate()
        let cases: [(TLSConfiguration, HTTPServerError.Code)] = [
            (TLSConfiguration(.pem(certificate: "junk", privateKey: first.privateKeyPEM)), .certificateInvalid),
            (TLSConfiguration(.pem(certificate: first.certificatePEM, privateKey: "junk")), .privateKeyInvalid),
            (TLSConfiguration(.pem(certificate: first.certificatePEM, privateKey: second.privateKeyPEM)), .keyMismatch),
        ]
        for (tls, code) in cases {
            let error = #expect(throws: HTTPServerError.self) {
                try HTTPServer(configuration: HTTPServerConfiguration(tls: tls), responder: EchoResponder())
            }
            #expect(error?.code == code)
            #expect(error?.description.contains("PRIVATE KEY") == false)
        }
    }

    @Test
    func selfSignedCertificateRoundTripsThroughFiles() async throws {
        let pair = try SelfSignedCertificate.generate(commonName: "gate.test", dnsNames: ["gate.test", "localhost"])
        #expect(pair.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(pair.privateKeyPEM.contains("PRIVATE KEY-----"))
        let directory = "/tmp/gatehttp-tests-\(getpid())"
        mkdir(directory, 0o700)
        let certificatePath = "\(directory)/cert.pem"
        let keyPath = "\(directory)/key.pem"
        try writeFile(certificatePath, pair.certificatePEM)
        try writeFile(keyPath, pair.privateKeyPEM)
        defer {
            unlink(certificatePath)
            unlink(keyPath)
            rmdir(directory)
        }
        let tls = TLSConfiguration(.files(certificatePath: certificatePath, privateKeyPath: keyPath))
        try await withServer(tls: tls) { server in
            let port = server.port
            let status = try await runBlocking { try RawClient(port: port, tls: true).send(path: "/f").status }
            #expect(status == 200)
        }
    }

    @Test
    func certificateGenerationRejectsInjectedNames() {
        #expect(throws: HTTPServerError.self) {
            try SelfSignedCertificate.generate(dnsNames: ["a,DNS:evil"])
        }
    }

    private func writeFile(_ path: String, _ text: String) throws {
        guard let file = fopen(path, "w") else { throw HTTPServerError(.certificateUnreadable, path) }
        fputs(text, file)
        fclose(file)
    }
}
