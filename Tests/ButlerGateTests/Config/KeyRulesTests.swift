import ButlerGate
import Testing

struct KeyRulesTests {
    static let cases: [RuleCase] = [
        RuleCase("id with a space", ["id": #""home assistant""#], at: "keys[1].id", saying: "letters, digits"),
        RuleCase("missing id", ["id": nil], at: "keys[1].id", saying: "required"),
        RuleCase(
            "id differing only in case",
            ["id": #""HomeAssistant""#],
            at: "keys[1].id",
            saying: "duplicate key id"
        ),
        RuleCase("missing hash", ["hash": nil], at: "keys[1].hash", saying: "required"),
        RuleCase(
            "hash without prefix",
            ["hash": #""\#(String(repeating: "ab", count: 32))""#],
            at: "keys[1].hash",
            saying: "'sha256:' followed by 64 hex"
        ),
        RuleCase(
            "hash of 63 digits",
            ["hash": #""sha256:\#(String(repeating: "a", count: 63))""#],
            at: "keys[1].hash",
            saying: "64 hex"
        ),
        RuleCase(
            "hash with a non-hex digit",
            ["hash": #""sha256:\#(String(repeating: "a", count: 63))g""#],
            at: "keys[1].hash",
            saying: "64 hex"
        ),
        RuleCase(
            "the key itself instead of its hash",
            ["hash": #""bgk_SECRET-KEY-abc""#],
            at: "keys[1].hash",
            saying: "holds an API key, not its hash"
        ),
        RuleCase(
            "hash shared with another key",
            ["hash": #""sha256:\#(String(repeating: "AB", count: 32))""#],
            at: "keys[1].hash",
            saying: "same hash as keys[0]"
        ),
        RuleCase(
            "unknown server",
            ["servers": #"["den", "dne"]"#],
            at: "keys[1].servers[1]",
            saying: "unknown server or group 'dne'; did you mean 'den'?"
        ),
        RuleCase(
            "star with other servers",
            ["servers": #"["den", "*"]"#],
            at: "keys[1].servers[1]",
            saying: "must be the only entry"
        ),
        RuleCase("servers as a string", ["servers": #""*""#], at: "keys[1].servers", saying: "expected a list"),
        RuleCase("unknown task", ["tasks": #"["Bogus"]"#], at: "keys[1].tasks[0]", saying: "unknown task 'Bogus'"),
        RuleCase(
            "misspelt task",
            ["tasks": #"["BackupDatabse"]"#],
            at: "keys[1].tasks[0]",
            saying: "did you mean 'BackupDatabase'?"
        ),
        RuleCase(
            "star with other tasks",
            ["tasks": #"["*", "BackupDatabase"]"#],
            at: "keys[1].tasks[0]",
            saying: "must be the only entry"
        ),
        RuleCase(
            "hooks in this version",
            ["hooks": #"["plex"]"#],
            at: "keys[1].hooks",
            saying: "webhooks are not supported by this version"
        ),
        RuleCase(
            "api as a string",
            ["api": #""yes""#],
            at: "keys[1].api",
            saying: "expected true or false, got a string"
        ),
        RuleCase("disabled as a number", ["disabled": "1"], at: "keys[1].disabled", saying: "expected true or false"),
        RuleCase("key entry that is not an object", ["id": #"{}"#], at: "keys[1].id", saying: "expected a string"),
    ]

    @Test(arguments: cases)
    func brokenKeyFieldIsAnErrorAtItsPath(_ rule: RuleCase) {
        let keys = [ConfigFixture.homeKey, ConfigFixture.key(rule.members)]
        let report = ConfigFixture().load(ConfigFixture.document(keys: keys))
        #expect(report.config == nil)
        let errors = report.problems(at: rule.path).filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(rule.phrase) }, "\(report.problems)")
        #expect(!report.leaks(["SECRET-KEY"]))
    }

    @Test func defaultsGiveEveryServerAndTaskWithTheApi() throws {
        let report = ConfigFixture().load(ConfigFixture.document(keys: [ConfigFixture.key([:])]))
        let key = try #require(report.config?.keys.first, "\(report.problems)")
        #expect(key.servers == ["*"])
        #expect(key.tasks == ["*"])
        #expect(key.hooks == [])
        #expect(key.api == true)
        #expect(key.disabled == false)
    }

    @Test func namesAndHashesAreMatchedWithoutRegardToCase() throws {
        let upper = ConfigFixture.key([
            "hash": #""SHA256:\#(String(repeating: "EF", count: 32))""#,
            "servers": #"["HOME", "Attic"]"#, "tasks": #"["backup-database"]"#,
        ])
        let report = ConfigFixture().load(ConfigFixture.document(keys: [upper]))
        let key = try #require(report.config?.keys.first, "\(report.problems)")
        #expect(key.hash == [UInt8](repeating: 0xEF, count: 32))
    }

    @Test func noKeysIsValidWithAWarning() throws {
        let report = ConfigFixture().load(ConfigFixture.document(keys: []))
        #expect(report.isValid)
        #expect(report.problems(at: "keys").map(\.severity) == [.warning])
    }

    @Test func emptyScopesAreWarnings() {
        let key = ConfigFixture.key(["servers": "[]", "tasks": "[]"])
        let report = ConfigFixture().load(ConfigFixture.document(keys: [key]))
        #expect(report.isValid)
        #expect(report.problems(at: "keys[0].servers").first?.severity == .warning)
        #expect(report.problems(at: "keys[0].tasks").first?.severity == .warning)
    }
}
