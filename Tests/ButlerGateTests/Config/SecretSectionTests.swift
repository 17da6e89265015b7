import ButlerGate
import Testing

struct SecretSectionTests {
    /// The `den` server with its token written as `token`.
    private func load(token: String, fixture: ConfigFixture = ConfigFixture()) -> ConfigReport {
        let server = #"{"name": "den", "url": "http://127.0.0.1:32400", "token": \#(token), "groups": ["home"]}"#
        return fixture.load(ConfigFixture.document(servers: [server]))
    }

    @Test func environmentTokenIsResolvedWithoutWarnings() throws {
        let report = load(token: #"{"env": "PLEX_TOKEN_DEN"}"#)
        #expect(report.problems.isEmpty)
        #expect(try #require(report.config).servers[0].token == "den-token-SECRET-1")
    }

    @Test(arguments: ["\n", "\r\n", "\n\n", ""].map { "attic-token-SECRET-2" + $0 })
    func fileTokenLosesItsTrailingNewline(_ contents: String) throws {
        var fixture = ConfigFixture()
        fixture.files["/run/secrets/t"] = contents
        let report = load(token: #"{"file": "/run/secrets/t"}"#, fixture: fixture)
        #expect(try #require(report.config, "\(report.problems)").servers[0].token == "attic-token-SECRET-2")
    }

    @Test func plainTokenIsAcceptedWithAWarning() throws {
        let report = load(token: #""cabin-token-SECRET-3""#)
        #expect(try #require(report.config).servers[0].token == "cabin-token-SECRET-3")
        let warning = try #require(report.problems(at: "servers[0].token").first)
        #expect(warning.severity == .warning)
        #expect(warning.message == #"plain-text secret in config; use {"env": ...} or {"file": ...}"#)
        #expect(!report.leaks())
    }

    @Test func plainKeyHashIsNormalAndNotWarnedAbout() {
        let report = ConfigFixture().load(ConfigFixture.document())
        #expect(report.problems(at: "keys[0].hash").isEmpty)
    }

    @Test func keyHashCanComeFromEnvironmentOrFile() throws {
        var fixture = ConfigFixture()
        fixture.environment["KEY_HASH"] = "sha256:" + String(repeating: "01", count: 32)
        fixture.files["/run/secrets/hash"] = "sha256:" + String(repeating: "02", count: 32) + "\n"
        let keys = [
            ConfigFixture.key(["hash": #"{"env": "KEY_HASH"}"#]),
            ConfigFixture.key(["id": #""other""#, "hash": #"{"file": "/run/secrets/hash"}"#]),
        ]
        let report = fixture.load(ConfigFixture.document(keys: keys))
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.keys[0].hash == [UInt8](repeating: 1, count: 32))
        #expect(config.keys[1].hash == [UInt8](repeating: 2, count: 32))
    }

    static let cases: [RuleCase] = [
        RuleCase(
            "unset variable",
            ["token": #"{"env": "PLEX_TOKEN_NOPE"}"#],
            at: "servers[0].token.env",
            saying: "environment variable PLEX_TOKEN_NOPE is not set"
        ),
        RuleCase(
            "empty variable",
            ["token": #"{"env": "EMPTY_VAR"}"#],
            at: "servers[0].token.env",
            saying: "environment variable EMPTY_VAR is empty"
        ),
        RuleCase(
            "empty variable name",
            ["token": #"{"env": ""}"#],
            at: "servers[0].token.env",
            saying: "must name an environment variable"
        ),
        RuleCase(
            "unreadable file",
            ["token": #"{"file": "/run/secrets/nope"}"#],
            at: "servers[0].token.file",
            saying: "cannot read secret file '/run/secrets/nope': it does not exist"
        ),
        RuleCase(
            "file of newlines",
            ["token": #"{"file": "/run/secrets/blank"}"#],
            at: "servers[0].token.file",
            saying: "is empty"
        ),
        RuleCase(
            "file with a space",
            ["token": #"{"file": "/run/secrets/spaced"}"#],
            at: "servers[0].token",
            saying: "must not contain spaces"
        ),
        RuleCase(
            "variable with a line break",
            ["token": #"{"env": "CRLF_TOKEN"}"#],
            at: "servers[0].token",
            saying: "line breaks"
        ),
        RuleCase(
            "both sources",
            ["token": #"{"env": "PLEX_TOKEN_DEN", "file": "/run/secrets/attic"}"#],
            at: "servers[0].token",
            saying: "not both"
        ),
        RuleCase("no source", ["token": "{}"], at: "servers[0].token", saying: "must have 'env'"),
        RuleCase(
            "misspelt source",
            ["token": #"{"evn": "PLEX_TOKEN_DEN"}"#],
            at: "servers[0].token.evn",
            saying: "did you mean 'env'?"
        ),
        RuleCase(
            "variable name as a number",
            ["token": #"{"env": 5}"#],
            at: "servers[0].token.env",
            saying: "expected a string, got a number"
        ),
        RuleCase("missing token", ["token": nil], at: "servers[0].token", saying: "required key is missing"),
    ]

    @Test(arguments: cases)
    func brokenSecretIsAnErrorThatNeverShowsTheValue(_ rule: RuleCase) {
        var fixture = ConfigFixture()
        fixture.files["/run/secrets/blank"] = "\n\n"
        fixture.files["/run/secrets/spaced"] = "den token SECRET-S\n"
        fixture.environment["CRLF_TOKEN"] = "x\r\nX-Evil: SECRET-E"
        let server = ConfigFixture.server(rule.members)
        let report = fixture.load(ConfigFixture.document(servers: [server], keys: []))
        #expect(report.config == nil)
        let errors = report.problems(at: rule.path).filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(rule.phrase) }, "\(report.problems)")
        #expect(!report.leaks(ConfigFixture.secrets + ["SECRET-S", "SECRET-E", "den token"]))
    }
}
