import ButlerGate
import Foundation
import GateHTTP
import MockPlex
import PlexButler
import Testing

/// One simulated Plex server for a harness: its name, what runs on it, how it misbehaves.
struct MockSpec {
    var name: String
    var running: Set<String> = []
    /// What the server's `GET /butler` lists; empty makes it answer 404 there.
    var knownTasks: [String] = []
    var groups: [String] = []
    var timeoutMs = 2000
    var fault: MockPlexFault?
    /// The token the gateway is configured with differs from the one the server accepts.
    var wrongToken = false
    var tls = false
}

/// A reply as the caller saw it.
struct Reply {
    var status: Int
    var headers: [(name: String, value: String)]
    var text: String

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The per-server entries of a stop result, keyed by server name.
    var outcomes: [String: String] {
        let entries = json["servers"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: entries.map { ($0["server"] as! String, $0["outcome"] as! String) })
    }
}

/// The gateway over TLS on loopback, with simulated Plex servers behind it and a recording log.
final class Harness: Sendable {
    static let fullKey = "bgk_e2eFullAccess0123456789abcdefABCDEFghij"
    static let limitedKey = "bgk_e2eLimitedAccess9876543210zyxwvuZYXWVU"

    let mocks: [String: MockPlex]
    let tokens: [String]
    let service: GatewayService
    let logs: RecordingLogHandler
    let client: CurlTransport
    let baseURL: String
    /// The config the gateway started with.
    let config: GatewayConfig

    /// Starts the mocks, then the gateway in front of them. `extra` adds servers with no mock (e.g. refused ports).
    init(
        _ specs: [MockSpec],
        extra: [ServerConfig] = [],
        limits: LimitsConfig = LimitsConfig(),
        limitedServers: [String] = ["den"]
    ) async throws {
        var mocks: [String: MockPlex] = [:]
        var servers: [ServerConfig] = []
        var tokens: [String] = []
        let certificate = try SelfSignedCertificate.generate()
        for spec in specs {
            let token = "plexToken-\(spec.name)-" + String(UUID().uuidString.prefix(12))
            let tls =
                spec.tls
                ? TLSConfiguration(.pem(certificate: certificate.certificatePEM, privateKey: certificate.privateKeyPEM))
                : nil
            let mock = try MockPlex(
                name: spec.name,
                token: token,
                knownTasks: spec.knownTasks,
                running: spec.running,
                tls: tls
            )
            try mock.start()
            await mock.setFault(spec.fault)
            let configured = spec.wrongToken ? "plexToken-stale-" + String(UUID().uuidString.prefix(12)) : token
            tokens += [token, configured]
            mocks[spec.name] = mock
            servers.append(
                ServerConfig(
                    name: spec.name,
                    url: mock.url,
                    token: configured,
                    machineIdentifier: mock.machineIdentifier,
                    groups: spec.groups,
                    timeoutMs: spec.timeoutMs,
                    tls: UpstreamTLS(insecureSkipVerify: spec.tls)
                )
            )
        }
        tokens += extra.map(\.token)

        let keys = [
            KeyConfig(id: "full", hash: Crypto.sha256(Self.fullKey)),
            KeyConfig(id: "limited", hash: Crypto.sha256(Self.limitedKey), servers: limitedServers),
        ]
        let listen = ListenConfig(
            host: "127.0.0.1",
            port: 0,
            tls: nil,
            insecurePlaintext: false
        )
        let config = GatewayConfig(listen: listen, servers: servers + extra, keys: keys, limits: limits)
        let logs = RecordingLogHandler()
        let service = try GatewayService(
            config: config,
            tls: TLSConfiguration(.pem(certificate: certificate.certificatePEM, privateKey: certificate.privateKeyPEM)),
            logger: Logger(handler: logs, level: .debug)
        )
        try service.start()
        self.mocks = mocks
        self.tokens = tokens
        self.service = service
        self.config = config
        self.logs = logs
        self.client = try CurlTransport()
        self.baseURL = "https://127.0.0.1:\(service.port)"
    }

    /// Sends one request to the gateway over TLS.
    func send(
        _ method: String,
        _ path: String,
        key: String? = Harness.fullKey,
        headers: [(name: String, value: String)] = [],
        body: String? = nil
    ) async throws -> Reply {
        var fields = headers
        if let key { fields.append(("Authorization", "Bearer \(key)")) }
        if body != nil { fields.append(("Content-Type", "application/json")) }
        let request = UpstreamRequest(
            method: method,
            url: baseURL + path,
            headers: fields,
            tls: UpstreamTLS(insecureSkipVerify: true),
            timeout: .seconds(15),
            body: Array((body ?? "").utf8)
        )
        let response = try await client.perform(request).get()
        return Reply(
            status: response.status,
            headers: response.headers,
            text: String(decoding: response.body, as: UTF8.self)
        )
    }

    /// The requests a mock received so far.
    func received(_ server: String) async -> [MockPlexRequest] {
        await mocks[server]?.requests() ?? []
    }

    /// Total requests all mocks received.
    func upstreamCallCount() async -> Int {
        var total = 0
        for mock in mocks.values { total += await mock.requests().count }
        return total
    }

    /// Fails the test if any key or token shows up in the replies or in any log line.
    func expectNoSecrets(in replies: [Reply], sourceLocation: SourceLocation = #_sourceLocation) {
        let secrets = tokens + [Self.fullKey, Self.limitedKey]
        let texts = replies.flatMap { reply in [reply.text] + reply.headers.map { "\($0.name): \($0.value)" } }
        for text in texts + logs.lines {
            for secret in secrets {
                #expect(
                    !text.contains(secret),
                    "a secret leaked into: \(text.prefix(200))",
                    sourceLocation: sourceLocation
                )
            }
        }
    }

    func shutdown() async {
        await service.shutdown(gracePeriod: .seconds(2))
        client.shutdown()
        for mock in mocks.values { await mock.shutdown() }
    }
}
