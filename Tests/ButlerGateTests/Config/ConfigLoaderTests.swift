import ButlerGate
import Testing

struct ConfigLoaderTests {
    @Test func validFullConfigLoadsWithResolvedValuesAndDefaults() throws {
        let report = ConfigFixture().load(ConfigFixture.document())
        #expect(report.problems.isEmpty, "\(report.problems)")
        let config = try #require(report.config)
        #expect(config.listen.host == "127.0.0.1")
        #expect(config.listen.port == 0)
        #expect(config.listen.tls?.certificate == "/etc/bg/cert.pem")
        #expect(config.listen.tls?.privateKey == "/etc/bg/key.pem")
        #expect(config.listen.insecurePlaintext == false)
        let den = config.servers[0]
        #expect(den.name == "den")
        #expect(den.url == "http://127.0.0.1:32400")
        #expect(den.token == "den-token-SECRET-1")
        #expect(den.timeoutMs == 5000)
        #expect(den.machineIdentifier == nil)
        #expect(den.resolve == nil)
        #expect(den.tls.caFile == nil && den.tls.pinnedPublicKey == nil && !den.tls.insecureSkipVerify)
        let attic = config.servers[1]
        #expect(attic.url == "https://attic.example:32443/plex")
        #expect(attic.token == "attic-token-SECRET-2")
        #expect(attic.machineIdentifier == "0123456789abcdef")
        #expect(attic.timeoutMs == 2500)
        #expect(attic.resolve == "::1")
        #expect(attic.groups == ["home", "upstairs"])
        #expect(attic.tls.caFile == "/etc/bg/ca.pem")
        #expect(attic.tls.pinnedPublicKey == "sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=")
        #expect(attic.tls.insecureSkipVerify == false)
        let key = try #require(config.keys.first)
        #expect(key.id == "homeassistant")
        #expect(key.hash == [UInt8](repeating: 0xAB, count: 32))
        #expect(key.servers == ["home"])
        #expect(key.tasks == ["*"])
        #expect(key.hooks.isEmpty)
        #expect(key.api && !key.disabled)
        #expect(config.limits.maxBodyBytes == 1 << 20)
        #expect(config.limits.requestDeadlineMs == 8000)
        #expect(config.limits.authFailuresPerMinute == 20)
        #expect(config.logging.level == .info)
        #expect(config.logging.format == .json)
        #expect(config.plex.clientIdentifier == nil)
        #expect(config.plex.deviceName == "ButlerGate")
    }

    @Test func explicitSettingsSectionsAreRead() throws {
        let extra = #"""
            , "limits": {"maxBodyBytes": 2048, "requestDeadlineMs": 9000, "authFailuresPerMinute": 5},
            "logging": {"level": "debug", "format": "text"},
            "plex": {"clientIdentifier": "bg-home.1_a", "deviceName": "Den NAS"}
            """#
        let key = ConfigFixture.key([
            "servers": #"["DEN", "Upstairs"]"#, "tasks": #"["backup_database", "DeepMediaAnalysis"]"#,
            "api": "false", "disabled": "true", "hooks": "[]",
        ])
        let report = ConfigFixture().load(ConfigFixture.document(keys: [ConfigFixture.homeKey, key], extra: extra))
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.limits.maxBodyBytes == 2048)
        #expect(config.limits.requestDeadlineMs == 9000)
        #expect(config.limits.authFailuresPerMinute == 5)
        #expect(config.logging.level == .debug)
        #expect(config.logging.format == .text)
        #expect(config.plex.clientIdentifier == "bg-home.1_a")
        #expect(config.plex.deviceName == "Den NAS")
        #expect(config.keys[1].servers == ["DEN", "Upstairs"])
        #expect(config.keys[1].tasks == ["backup_database", "DeepMediaAnalysis"])
        #expect(config.keys[1].api == false)
        #expect(config.keys[1].disabled == true)
        #expect(config.keys[1].hash == [UInt8](repeating: 0xCD, count: 32))
    }

    @Test func malformedJSONIsOneErrorWithLineAndColumn() {
        let report = ConfigFixture().load("{\n  \"listen\": {},\n  \"servers\": [1,, 2]\n}")
        #expect(report.config == nil)
        #expect(report.problems.count == 1)
        let message = report.problems.first?.message ?? ""
        #expect(message.contains("line 3, column 17"), "\(message)")
        #expect(report.problems.first?.path == "")
    }

    @Test(arguments: ["", "   ", "[1, 2]", "\"text\"", "null"])
    func documentThatIsNotAnObjectIsAnError(_ text: String) {
        let report = ConfigFixture().load(text)
        #expect(report.config == nil)
        #expect(report.errors.count == 1)
    }

    @Test func unknownKeysAnywhereAreErrorsWithTheirPathAndAHint() {
        let server = ConfigFixture.server(["tokne": #""x""#])
        let extra = #", "sever": 1, "limits": {"maxBodyByte": 5}, "plex": {"weird key\n": 1}"#
        let document = ConfigFixture.document(servers: [ConfigFixture.denServer, server], extra: extra)
        let report = ConfigFixture().load(document)
        #expect(report.config == nil)
        #expect(report.problems(at: "servers[1].tokne").first?.message == "unknown key; did you mean 'token'?")
        #expect(report.problems(at: "sever").first?.message == "unknown key; did you mean 'servers'?")
        #expect(report.problems(at: "limits.maxBodyByte").first?.message == "unknown key; did you mean 'maxBodyBytes'?")
        #expect(report.problems(at: #"plex["weird key\n"]"#).first?.message == "unknown key")
    }

    @Test func hooksAreRejectedAsUnsupported() {
        let report = ConfigFixture().load(ConfigFixture.document(extra: #", "hooks": [{"name": "plex"}]"#))
        #expect(report.config == nil)
        let message = report.problems(at: "hooks").first?.message ?? ""
        #expect(message.contains("webhooks are not supported by this version"))
    }

    @Test func everyProblemIsReportedTogetherInOneReport() {
        let bad = ConfigFixture.server(["timeoutMs": "0", "url": #""ftp://x""#, "tokne": "1", "resolve": #""nowhere""#])
        let key = ConfigFixture.key(["tasks": #"["Bogus"]"#])
        let extra = #", "logging": {"level": "loud"}"#
        let report = ConfigFixture().load(
            ConfigFixture.document(
                listen: #"{"port": 99999}"#,
                servers: [bad],
                keys: [key],
                extra: extra
            )
        )
        #expect(report.config == nil)
        let paths = Set(report.errors.map(\.path))
        let expected: Set = [
            "listen.port", "listen.tls", "servers[0].timeoutMs", "servers[0].url", "servers[0].tokne",
            "servers[0].resolve", "keys[0].tasks[0]", "logging.level",
        ]
        #expect(paths == expected)
    }

    @Test func serversMustBeANonEmptyList() {
        let missing = ConfigFixture().load(#"{"listen": {"insecurePlaintext": true}}"#)
        #expect(missing.problems(at: "servers").first?.message == "required key is missing")
        let empty = ConfigFixture().load(ConfigFixture.document(servers: []))
        #expect(empty.problems(at: "servers").first?.message.contains("at least one") == true)
        let wrong = ConfigFixture().load(#"{"listen": {"insecurePlaintext": true}, "servers": {}}"#)
        #expect(wrong.problems(at: "servers").first?.message == "expected a list, got an object")
    }

    @Test func wrongTypesNameThePathAndTheExpectedType() {
        let server = ConfigFixture.server(["timeoutMs": #""5000""#, "groups": #""home""#, "name": "7"])
        let report = ConfigFixture().load(ConfigFixture.document(servers: [server], extra: #", "limits": []"#))
        #expect(report.problems(at: "servers[0].timeoutMs").first?.message == "expected a whole number, got a string")
        #expect(report.problems(at: "servers[0].groups").first?.message == "expected a list, got a string")
        #expect(report.problems(at: "servers[0].name").first?.message == "expected a string, got a number")
        #expect(report.problems(at: "limits").first?.message == "expected an object, got a list")
    }

    @Test func missingConfigFileIsOneError() {
        let report = ConfigFixture().loader.load(contentsOf: "/etc/bg/none.json")
        #expect(report.config == nil)
        #expect(report.errors.map(\.message) == ["cannot read config file '/etc/bg/none.json': it does not exist"])
    }
}
