import ButlerGate
import Testing

struct ConfigSyntaxTests {
    @Test func duplicateKeyIsOneErrorAtItsPathWithLineAndColumn() {
        let text = """
            {"listen": {"host": "127.0.0.1"},
             "servers": [
              {"name": "zzz", "name": "den"}
             ]}
            """
        let report = ConfigFixture().load(text)
        #expect(report.config == nil)
        #expect(report.problems.count == 1)
        #expect(report.problems(at: "servers[0].name").first?.message == "duplicate key at line 3, column 19")
    }

    @Test func duplicateTopLevelSectionIsAnErrorAtItsName() {
        let document = ConfigFixture.document(extra: #", "keys": []"#)
        let report = ConfigFixture().load(document)
        #expect(report.config == nil)
        #expect(report.problems.map(\.path) == ["keys"])
        #expect(report.problems.first?.message.hasPrefix("duplicate key at line ") == true)
    }

    @Test func trailingCommaIsOneErrorWithLineAndColumn() {
        let text = """
            {"listen": {"host": "127.0.0.1"},
             "servers": [
              {"name": "den", "groups": ["home",]}
             ]}
            """
        let report = ConfigFixture().load(text)
        #expect(report.config == nil)
        #expect(report.problems.map(\.path) == [""])
        #expect(report.problems.first?.message == "malformed JSON at line 3, column 36: trailing comma")
    }

    @Test(arguments: [
        (#"{"listen": {"port": 8443,}}"#, "line 1, column 25: trailing comma"),
        (#"{"listen": {"port": 08443}}"#, "line 1, column 21: invalid number"),
        ("{\"listen\": {} // main\n}", "line 1, column 15: expected ',' or a closing bracket"),
        (#"{'listen': {}}"#, "line 1, column 2: expected a member name in double quotes"),
        (#"{"listen": {"host": "a\qb"}}"#, "line 1, column 23: invalid escape sequence"),
        (#"{"listen": {"port": NaN}}"#, "line 1, column 21: unexpected character"),
    ])
    func laxJSONIsMalformed(text: String, detail: String) {
        let report = ConfigFixture().load(text)
        #expect(report.config == nil)
        #expect(report.problems.map(\.message) == ["malformed JSON at \(detail)"])
    }

    @Test func syntaxErrorsDoNotQuoteTheDocument() {
        let text = #"{"servers": [{"name": "den", "token": "den-token-SECRET-1", "token": "x"}]}"#
        let report = ConfigFixture().load(text)
        #expect(report.problems(at: "servers[0].token").count == 1)
        #expect(!report.leaks())
    }

    @Test func lookAlikeKeyIsUnknownRatherThanTakenForTheRealOne() {
        let tls = "{\"certificate\": \"/etc/bg/cert.pem\", \"private\u{212A}ey\": \"/etc/bg/key.pem\"}"
        let document = ConfigFixture.document(listen: #"{"host": "127.0.0.1", "port": 0, "tls": \#(tls)}"#)
        let report = ConfigFixture().load(document)
        #expect(report.config == nil)
        #expect(report.errors.contains { $0.message == "unknown key; did you mean 'privateKey'?" })
        #expect(report.problems(at: "listen.tls.privateKey").map(\.message) == ["required key is missing"])
    }

    @Test func unknownKeysAreReportedInDocumentOrder() {
        let document = ConfigFixture.document(extra: #", "zeta": 1, "alpha": 2"#)
        let report = ConfigFixture().load(document)
        #expect(report.errors.map(\.path) == ["zeta", "alpha"])
    }

    @Test(arguments: [
        ("99999999999999999999", "number out of range; must be between 1 and 60000"),
        ("1e3", "must be a whole number between 1 and 60000, written without a fraction or exponent"),
    ])
    func integerSettingWrittenAsAnotherNumberSaysWhy(written: String, message: String) {
        let server = ConfigFixture.server(["timeoutMs": written])
        let document = ConfigFixture.document(servers: [ConfigFixture.denServer, ConfigFixture.atticServer, server])
        let report = ConfigFixture().load(document)
        #expect(report.problems(at: "servers[2].timeoutMs").map(\.message) == [message])
    }
}
