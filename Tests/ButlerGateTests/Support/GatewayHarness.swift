import GateHTTP
import GateSync
import PlexButler
import Testing

@testable import ButlerGate

/// A gateway over three fake servers and a handful of keys, driven the way the HTTP server drives it.
final class GatewayHarness: Sendable {
    /// Plain keys by id, generated per harness; only their hashes go into the config.
    let keys: [String: String]
    /// Plex tokens by server name.
    let tokens: [String: String]
    let transport: FakeTransport
    let logs = RecordingLogHandler()
    let gateway: Gateway
    // Safe to share: `Locked`.
    private let responses = Locked<[HTTPResponse]>([])

    init(
        scripts: [String: FakeTransport.Script] = [:],
        limits: LimitsConfig = LimitsConfig(),
        timeoutMs: Int = 5000
    ) {
        let ids = ["admin", "home", "den-only", "disabled", "no-api", "backup-only"]
        keys = Dictionary(uniqueKeysWithValues: ids.map { ($0, KeyGenerator.generate().key) })
        tokens = [
            "den": "plex-token-DEN-aaaa1111", "attic": "plex-token-ATTIC-bbbb2222",
            "cabin": "plex-token-CABIN-cccc3333",
        ]
        transport = FakeTransport(scripts)
        let config = Self.config(keys: keys, tokens: tokens, limits: limits, timeoutMs: timeoutMs)
        let logger = Logger(handler: logs, level: .trace)
        gateway = Gateway(config: config, transport: transport, logger: logger, version: "test")
    }

    /// den and attic in group `home`, cabin in `far`; keys scoped in every way the tests need.
    static func config(
        keys: [String: String],
        tokens: [String: String],
        limits: LimitsConfig,
        timeoutMs: Int
    ) -> GatewayConfig {
        func key(
            _ id: String,
            servers: [String] = ["*"],
            tasks: [String] = ["*"],
            api: Bool = true,
            disabled: Bool = false
        ) -> KeyConfig {
            KeyConfig(
                id: id,
                hash: Crypto.sha256(keys[id]!),
                servers: servers,
                tasks: tasks,
                api: api,
                disabled: disabled
            )
        }
        let servers = ["den", "attic", "cabin"].map { name in
            ServerConfig(
                name: name,
                url: "http://\(name).test:32400/",
                token: tokens[name]!,
                machineIdentifier: "mid-\(name)",
                groups: name == "cabin" ? ["far"] : ["home"],
                timeoutMs: timeoutMs
            )
        }
        return GatewayConfig(
            listen: ListenConfig(tls: nil, insecurePlaintext: true),
            servers: servers,
            keys: [
                key("admin"), key("home", servers: ["HOME"]), key("den-only", servers: ["den"]),
                key("disabled", disabled: true), key("no-api", api: false),
                key("backup-only", tasks: ["backup-database"]),
            ],
            limits: limits,
            plex: PlexIdentityConfig(clientIdentifier: "test-client")
        )
    }

    /// `screen`, then `respond(to:)` unless screen answered: what the server does with one request.
    func send(
        _ method: String,
        _ target: String,
        key: String? = "admin",
        headers: [(String, String)] = [],
        body: String? = nil,
        contentType: String? = "application/json",
        declaredLength: Int? = nil,
        from address: String = "127.0.0.1"
    ) async -> HTTPResponse {
        var fields = HTTPHeaders(headers)
        if let key {
            fields.add("Authorization", "Bearer \(keys[key] ?? key)")
        }
        let bytes = Array((body ?? "").utf8)
        if body != nil, let contentType {
            fields.add("Content-Type", contentType)
        }
        let head = HTTPRequestHead(
            method: method,
            target: target,
            headers: fields,
            contentLength: declaredLength ?? (bytes.isEmpty ? nil : bytes.count),
            remoteAddress: address
        )
        let response: HTTPResponse
        switch gateway.screen(head) {
        case .respond(let early): response = early
        case .proceed: response = await gateway.respond(to: HTTPRequest(head: head, body: bytes))
        }
        responses.withLock { $0.append(response) }
        return response
    }

    /// Records a response produced outside `send` (e.g. by `reject`) for the secrets check.
    func note(_ response: HTTPResponse) {
        responses.withLock { $0.append(response) }
    }

    /// Access lines written so far.
    var accessLines: [LogEvent] {
        logs.recorded.filter { $0.message == "access" }
    }

    /// No key and no token in any response header or body, or in any log line, so far.
    ///
    /// A key's random part is checked on its own too, so a percent-encoded prefix (`%62gk_…`) still counts as a leak.
    func expectNoSecrets(sourceLocation: SourceLocation = #_sourceLocation) {
        let randomParts = keys.values.map { String($0.dropFirst(KeyGenerator.prefix.count)) }
        let secrets = Array(keys.values) + randomParts + Array(tokens.values)
        let texts =
            responses.withLock { $0 }.flatMap { response in
                [String(decoding: response.body, as: UTF8.self)] + response.headers.map { "\($0.name): \($0.value)" }
            } + logs.lines
        for secret in secrets {
            #expect(!texts.contains { $0.contains(secret) }, "a secret leaked", sourceLocation: sourceLocation)
        }
    }

    /// Every response so far carries an `X-Request-ID` and has exactly one access line with that id.
    func expectOneAccessLinePerResponse(sourceLocation: SourceLocation = #_sourceLocation) {
        let ids = responses.withLock { $0 }.map { $0.headers["X-Request-ID"] }
        let logged = accessLines.map { $0.metadata["request.id"] }
        #expect(!ids.contains(nil), "a response without X-Request-ID", sourceLocation: sourceLocation)
        #expect(logged == ids.map { $0.map(LogValue.string) }, "access lines differ", sourceLocation: sourceLocation)
    }
}
