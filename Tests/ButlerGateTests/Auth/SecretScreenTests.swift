import GateHTTP
import Testing

@testable import ButlerGate

struct SecretScreenTests {
    /// A configured key without the `bgk_` prefix: only its hash can recognise it.
    static let plainKey = "plain-secret-without-prefix-0123456789"
    /// A configured Plex token: recognised as sent, inside a longer value, and percent-encoded.
    static let plexToken = "Plex-Tok3n.xyz"
    static let table = SecretScreen(
        keys: APIKeyTable(keys: [
            APIKey(
                config: KeyConfig(id: "plain", hash: Crypto.sha256(plainKey), disabled: true),
                directory: ServerDirectory(servers: []),
                catalogue: .standard
            )
        ]),
        plexTokens: [plexToken, ""]
    )

    @Test(arguments: [
        "bgk_x", "BGK_x", "Bgk_X", "run-bgk_x", "%62gk_x", "%2562gk_x", "B%47K_x", plainKey,
        "%70lain-secret-without-prefix-0123456789", plexToken, "run-\(plexToken)-1", "%50lex-Tok3n.xyz",
        "%2550lex-Tok3n%2Exyz",
    ])
    func valuesThatMayHoldAKeyOrTokenAreRecognised(value: String) {
        #expect(Self.table.mayHoldSecret(value))
    }

    @Test(arguments: [
        "BackupDatabase", "bgk", "bgkx", "b-gk_", "plain-secret-without-prefix-012345678", "ha-42.x_y", "Plex-Tok3n",
    ])
    func ordinaryValuesAreNot(value: String) {
        #expect(!Self.table.mayHoldSecret(value))
    }

    @Test(
        arguments: [
            ("bgk_abc", nil), ("BGK_abc", nil), (plainKey, nil), (plexToken, nil), ("a.\(plexToken)", nil),
            ("ha-42.x_y", "ha-42.x_y"),
        ] as [(String, String?)]
    )
    func requestIDThatMayHoldASecretIsNotAccepted(supplied: String, accepted: String?) {
        let headers = HTTPHeaders([("X-Request-ID", supplied)])
        #expect(RequestID.accepted(from: headers, secrets: Self.table) == accepted)
    }

    @Test(arguments: [
        ("/v1/hooks/plex/s3cret", "/v1/hooks/plex/***"),
        ("/v1/hooks/plex/s3cret/more", "/v1/hooks/plex/***/***"),
        ("http://host/v1/hooks/plex/s3cret", "http://host/v1/hooks/plex/***"),
        ("/v1/tasks/bgk_abc/stop", "/v1/tasks/***/stop"),
        ("/v1/tasks/%62gk_abc/stop", "/v1/tasks/***/stop"),
        ("/v1/tasks/%2562GK_abc/stop", "/v1/tasks/***/stop"),
        ("/v1/servers/\(plainKey)/tasks/x", "/v1/servers/***/tasks/x"),
        ("/v1/servers/%70lain-secret-without-prefix-0123456789/tasks/x", "/v1/servers/***/tasks/x"),
        ("/v1/servers/\(plexToken)/tasks/x/stop", "/v1/servers/***/tasks/x/stop"),
        ("/v1/servers/%50lex-Tok3n.xyz/tasks/x", "/v1/servers/***/tasks/x"),
        ("/v1/tasks/x/stop", "/v1/tasks/x/stop"),
        ("/v1/tasks/Backup%44atabase/stop", "/v1/tasks/Backup%44atabase/stop"),
    ])
    func pathRedactorMasksHookSecretsAndAnythingThatMayHoldAKeyOrToken(path: String, logged: String) {
        #expect(PathRedactor.redact(path, secrets: Self.table) == logged)
    }
}
