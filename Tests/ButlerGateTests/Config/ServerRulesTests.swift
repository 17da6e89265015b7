import ButlerGate
import Testing

struct ServerRulesTests {
    static let validPin = "sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE="

    static let cases: [RuleCase] = [
        RuleCase("name with a space", ["name": #""bad name""#], at: "servers[2].name", saying: "letters, digits"),
        RuleCase("name starting with a dash", ["name": #""-den""#], at: "servers[2].name", saying: "starting with"),
        RuleCase(
            "name of 65 characters",
            ["name": #""\#(String(repeating: "a", count: 65))""#],
            at: "servers[2].name",
            saying: "1 to 64"
        ),
        RuleCase("empty name", ["name": #""""#], at: "servers[2].name", saying: "1 to 64"),
        RuleCase("missing url", ["url": nil], at: "servers[2].url", saying: "required"),
        RuleCase("ftp url", ["url": #""ftp://host""#], at: "servers[2].url", saying: "http:// or https://"),
        RuleCase("relative url", ["url": #""/plex""#], at: "servers[2].url", saying: "absolute URL"),
        RuleCase("url without host", ["url": #""http:/plex""#], at: "servers[2].url", saying: "host"),
        RuleCase(
            "url with user info",
            ["url": #""http://me:SECRET-PW@host""#],
            at: "servers[2].url",
            saying: "password"
        ),
        RuleCase(
            "url with query",
            ["url": #""http://host/?X-Plex-Token=SECRET-Q""#],
            at: "servers[2].url",
            saying: "query"
        ),
        RuleCase("url with fragment", ["url": #""http://host/#top""#], at: "servers[2].url", saying: "fragment"),
        RuleCase("url with bad port", ["url": #""http://host:70000""#], at: "servers[2].url", saying: "port"),
        RuleCase("url with a space", ["url": #""http://host/a b""#], at: "servers[2].url", saying: "spaces"),
        RuleCase("empty token", ["token": #""""#], at: "servers[2].token", saying: "must not be empty"),
        RuleCase("token with a space", ["token": #""abc SECRET-T""#], at: "servers[2].token", saying: "spaces"),
        RuleCase(
            "token with CR LF",
            ["token": #""abc\r\nX-Evil: SECRET-T""#],
            at: "servers[2].token",
            saying: "line breaks"
        ),
        RuleCase("token of another type", ["token": #"42"#], at: "servers[2].token", saying: "{\"env\": \"NAME\"}"),
        RuleCase(
            "machine identifier with underscore",
            ["machineIdentifier": #""abc_def""#],
            at: "servers[2].machineIdentifier",
            saying: "letters, digits or '-'"
        ),
        RuleCase(
            "machine identifier too long",
            ["machineIdentifier": #""\#(String(repeating: "a", count: 129))""#],
            at: "servers[2].machineIdentifier",
            saying: "1 to 128"
        ),
        RuleCase(
            "timeout zero",
            ["timeoutMs": #"0"#],
            at: "servers[2].timeoutMs",
            saying: "between 1 and 60000, got 0"
        ),
        RuleCase(
            "timeout too long",
            ["timeoutMs": #"60001"#],
            at: "servers[2].timeoutMs",
            saying: "between 1 and 60000"
        ),
        RuleCase(
            "fractional timeout",
            ["timeoutMs": #"1.5"#],
            at: "servers[2].timeoutMs",
            saying: "must be a whole number"
        ),
        RuleCase("huge timeout", ["timeoutMs": #"1e300"#], at: "servers[2].timeoutMs", saying: "between 1 and 60000"),
        RuleCase(
            "timeout as a string",
            ["timeoutMs": #""5000""#],
            at: "servers[2].timeoutMs",
            saying: "expected a whole number, got a string"
        ),
        RuleCase(
            "resolve to a host name",
            ["resolve": #""plex.example""#],
            at: "servers[2].resolve",
            saying: "IPv4 or IPv6"
        ),
        RuleCase("resolve with brackets", ["resolve": #""[::1]""#], at: "servers[2].resolve", saying: "no brackets"),
        RuleCase("resolve out of range", ["resolve": #""256.1.1.1""#], at: "servers[2].resolve", saying: "IPv4"),
        RuleCase("group with a space", ["groups": #"["up stairs"]"#], at: "servers[2].groups[0]", saying: "letters"),
        RuleCase("group of another type", ["groups": #"["ok", 3]"#], at: "servers[2].groups[1]", saying: "a string"),
        RuleCase(
            "unreadable CA file",
            ["url": #""https://h""#, "tls": #"{"caFile": "/etc/bg/missing.pem"}"#],
            at: "servers[2].tls.caFile",
            saying: "does not exist"
        ),
        RuleCase(
            "CA file that is not PEM",
            ["url": #""https://h""#, "tls": #"{"caFile": "/etc/bg/not-pem.txt"}"#],
            at: "servers[2].tls.caFile",
            saying: "no PEM CERTIFICATE"
        ),
        RuleCase(
            "pin without prefix",
            ["url": #""https://h""#, "tls": #"{"pinnedPublicKey": "abc"}"#],
            at: "servers[2].tls.pinnedPublicKey",
            saying: "sha256//"
        ),
        RuleCase(
            "pin not base64",
            ["url": #""https://h""#, "tls": #"{"pinnedPublicKey": "sha256//!!!!"}"#],
            at: "servers[2].tls.pinnedPublicKey",
            saying: "base64"
        ),
        RuleCase(
            "pin of 16 bytes",
            ["url": #""https://h""#, "tls": #"{"pinnedPublicKey": "sha256//AAAAAAAAAAAAAAAAAAAAAA=="}"#],
            at: "servers[2].tls.pinnedPublicKey",
            saying: "32 bytes"
        ),
        RuleCase(
            "second pin of a list broken",
            ["url": #""https://h""#, "tls": #"{"pinnedPublicKey": "\#(validPin);x"}"#],
            at: "servers[2].tls.pinnedPublicKey",
            saying: "pin 2"
        ),
        RuleCase(
            "insecure flag as a string",
            ["url": #""https://h""#, "tls": #"{"insecureSkipVerify": "yes"}"#],
            at: "servers[2].tls.insecureSkipVerify",
            saying: "true or false"
        ),
    ]

    @Test(arguments: cases)
    func brokenServerFieldIsAnErrorAtItsPath(_ rule: RuleCase) {
        let servers = [ConfigFixture.denServer, ConfigFixture.atticServer, ConfigFixture.server(rule.members)]
        let report = ConfigFixture().load(ConfigFixture.document(servers: servers))
        #expect(report.config == nil)
        let errors = report.problems(at: rule.path).filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(rule.phrase) }, "\(report.problems)")
        #expect(!report.leaks(ConfigFixture.secrets + ["SECRET-PW", "SECRET-Q", "SECRET-T"]))
    }

    @Test(arguments: [
        ("http://host:32400///", "http://host:32400"),
        ("HTTPS://host/base/path/", "https://host/base/path"),
        ("http://[::1]:32400", "http://[::1]:32400"),
    ])
    func urlLosesTrailingSlashesAndKeepsItsBasePath(_ written: String, _ expected: String) throws {
        let server = ConfigFixture.server(["url": "\"\(written)\""])
        let report = ConfigFixture().load(ConfigFixture.document(servers: [ConfigFixture.denServer, server]))
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.servers[1].url == expected)
    }

    @Test func severalPinsSeparatedBySemicolonsAreAccepted() throws {
        let pin = Self.validPin
        let server = ConfigFixture.server(["url": #""https://h""#, "tls": #"{"pinnedPublicKey": "\#(pin);\#(pin)"}"#])
        let report = ConfigFixture().load(ConfigFixture.document(servers: [ConfigFixture.denServer, server]))
        #expect(report.isValid, "\(report.problems)")
    }

    @Test func questionableServerSettingsAreWarningsOnly() throws {
        let plainTLS = ConfigFixture.server(["name": #""a""#, "tls": #"{"insecureSkipVerify": false}"#])
        let insecure = ConfigFixture.server([
            "name": #""b""#, "url": #""https://h""#, "tls": #"{"insecureSkipVerify": true}"#,
        ])
        let slow = ConfigFixture.server(["name": #""c""#, "timeoutMs": "9000"])
        let servers = [ConfigFixture.denServer, plainTLS, insecure, slow]
        let report = ConfigFixture().load(ConfigFixture.document(servers: servers))
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.servers[2].tls.insecureSkipVerify)
        #expect(report.errors.isEmpty)
        #expect(report.problems(at: "servers[1].tls").first?.message.contains("has no effect") == true)
        #expect(report.problems(at: "servers[2].tls.insecureSkipVerify").first?.severity == .warning)
        #expect(report.problems(at: "servers[3].timeoutMs").first?.message.contains("requestDeadlineMs") == true)
    }

}
