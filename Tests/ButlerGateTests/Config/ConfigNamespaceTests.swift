import ButlerGate
import Testing

struct ConfigNamespaceTests {
    static let cases: [RuleCase] = [
        RuleCase(
            "duplicate server name",
            ["name": #""den""#],
            at: "servers[2].name",
            saying: "duplicate server name 'den' (already used by servers[0])"
        ),
        RuleCase(
            "name differing only in case",
            ["name": #""DEN""#],
            at: "servers[2].name",
            saying: "differs only in case from 'den' (servers[0])"
        ),
        RuleCase(
            "group named like a server",
            ["groups": #"["Attic"]"#],
            at: "servers[2].groups[0]",
            saying: "same name as server 'attic' (servers[1])"
        ),
        RuleCase(
            "group differing only in case",
            ["groups": #"["HOME"]"#],
            at: "servers[2].groups[0]",
            saying: "differs only in case from group 'home'"
        ),
        RuleCase(
            "shared machine identifier",
            ["machineIdentifier": #""0123456789ABCDEF""#],
            at: "servers[2].machineIdentifier",
            saying: "same machine identifier as servers[1]"
        ),
    ]

    @Test(arguments: cases)
    func clashingNamesAreErrorsAtTheLaterEntry(_ rule: RuleCase) {
        let servers = [ConfigFixture.denServer, ConfigFixture.atticServer, ConfigFixture.server(rule.members)]
        let report = ConfigFixture().load(ConfigFixture.document(servers: servers))
        #expect(report.config == nil)
        let errors = report.problems(at: rule.path).filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(rule.phrase) }, "\(report.problems)")
    }

    @Test func serverNamedLikeAnEarlierGroupIsAnError() {
        let server = ConfigFixture.server(["name": #""Home""#])
        let report = ConfigFixture().load(ConfigFixture.document(servers: [ConfigFixture.denServer, server]))
        #expect(report.problems(at: "servers[0].groups[0]").first?.message.contains("server 'Home'") == true)
    }

    @Test func aGroupSharedByServersIsOneName() throws {
        let report = ConfigFixture().load(ConfigFixture.document())
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.servers.filter { $0.groups.contains("home") }.count == 2)
    }

    @Test func keyScopeWithANonASCIILookalikeIsAnUnknownName() {
        let kelvin = ConfigFixture.key(["servers": "[\"\u{212A}itchen\"]"])
        let servers = [ConfigFixture.denServer, ConfigFixture.server(["name": #""kitchen""#])]
        let report = ConfigFixture().load(ConfigFixture.document(servers: servers, keys: [kelvin]))
        #expect(report.config == nil)
        #expect(report.problems(at: "keys[0].servers[0]").contains { $0.severity == .error }, "\(report.problems)")
    }
}
