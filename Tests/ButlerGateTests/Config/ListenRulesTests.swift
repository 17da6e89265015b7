import ButlerGate
import Testing

struct ListenRulesTests {
    static let cert = #""certificate": "/etc/bg/cert.pem""#
    static let key = #""privateKey": "/etc/bg/key.pem""#

    static let cases: [RuleCase] = [
        RuleCase(
            "empty host",
            ["listen": #"{"host": "", "insecurePlaintext": true}"#],
            at: "listen.host",
            saying: "without spaces"
        ),
        RuleCase(
            "port above range",
            ["listen": #"{"port": 65536, "insecurePlaintext": true}"#],
            at: "listen.port",
            saying: "between 0 and 65535, got 65536"
        ),
        RuleCase(
            "negative port",
            ["listen": #"{"port": -1, "insecurePlaintext": true}"#],
            at: "listen.port",
            saying: "between 0 and 65535"
        ),
        RuleCase(
            "no tls and no opt-out",
            ["listen": #"{"port": 8443}"#],
            at: "listen.tls",
            saying: "set listen.insecurePlaintext to true"
        ),
        RuleCase(
            "tls and opt-out together",
            ["listen": #"{"tls": {\#(cert), \#(key)}, "insecurePlaintext": true}"#],
            at: "listen.insecurePlaintext",
            saying: "cannot be true while listen.tls is set"
        ),
        RuleCase(
            "missing certificate file",
            ["listen": #"{"tls": {"certificate": "/nope.pem", \#(key)}}"#],
            at: "listen.tls.certificate",
            saying: "cannot read '/nope.pem': it does not exist"
        ),
        RuleCase(
            "certificate that is not PEM",
            ["listen": #"{"tls": {"certificate": "/etc/bg/not-pem.txt", \#(key)}}"#],
            at: "listen.tls.certificate",
            saying: "no PEM CERTIFICATE block"
        ),
        RuleCase(
            "certificate given as key",
            ["listen": #"{"tls": {\#(cert), "privateKey": "/etc/bg/cert.pem"}}"#],
            at: "listen.tls.privateKey",
            saying: "no PEM PRIVATE KEY block"
        ),
        RuleCase(
            "private key missing",
            ["listen": #"{"tls": {\#(cert)}}"#],
            at: "listen.tls.privateKey",
            saying: "required key is missing"
        ),
        RuleCase(
            "misspelt tls member",
            ["listen": #"{"tls": {\#(cert), \#(key), "privatekey": "/x"}}"#],
            at: "listen.tls.privatekey",
            saying: "did you mean 'privateKey'?"
        ),
        RuleCase("listen missing", ["listen": nil], at: "listen", saying: "required key is missing"),
    ]

    @Test(arguments: cases)
    func brokenListenFieldIsAnErrorAtItsPath(_ rule: RuleCase) {
        let document = ConfigFixture.document(listen: rule.members["listen"].flatMap { $0 } ?? "null")
        let report = ConfigFixture().load(document)
        #expect(report.config == nil)
        let errors = report.problems(at: rule.path).filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(rule.phrase) }, "\(report.problems)")
    }

    @Test func plaintextOptOutLoadsWithALoudWarning() throws {
        let report = ConfigFixture().load(ConfigFixture.document(listen: #"{"insecurePlaintext": true}"#))
        let listen = try #require(report.config?.listen, "\(report.problems)")
        #expect(listen.tls == nil)
        #expect(listen.insecurePlaintext)
        #expect(listen.host == "0.0.0.0")
        #expect(listen.port == 8443)
        let warning = try #require(report.problems(at: "listen.insecurePlaintext").first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("plain HTTP"))
    }
}
