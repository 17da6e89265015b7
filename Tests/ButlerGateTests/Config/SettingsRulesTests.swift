import ButlerGate
import Testing

struct SettingsRulesTests {
    static let cases: [RuleCase] = [
        RuleCase(
            "body limit under 1 KiB",
            ["limits": #"{"maxBodyBytes": 1023}"#],
            at: "limits.maxBodyBytes",
            saying: "between 1024 and 67108864, got 1023"
        ),
        RuleCase(
            "body limit over 64 MiB",
            ["limits": #"{"maxBodyBytes": 67108865}"#],
            at: "limits.maxBodyBytes",
            saying: "between 1024 and 67108864"
        ),
        RuleCase(
            "deadline under 100 ms",
            ["limits": #"{"requestDeadlineMs": 99}"#],
            at: "limits.requestDeadlineMs",
            saying: "between 100 and 120000"
        ),
        RuleCase(
            "deadline over 2 minutes",
            ["limits": #"{"requestDeadlineMs": 120001}"#],
            at: "limits.requestDeadlineMs",
            saying: "between 100 and 120000"
        ),
        RuleCase(
            "no auth failures allowed",
            ["limits": #"{"authFailuresPerMinute": 0}"#],
            at: "limits.authFailuresPerMinute",
            saying: "between 1 and 100000"
        ),
        RuleCase(
            "too many auth failures",
            ["limits": #"{"authFailuresPerMinute": 100001}"#],
            at: "limits.authFailuresPerMinute",
            saying: "between 1 and 100000"
        ),
        RuleCase(
            "unknown log level",
            ["logging": #"{"level": "verbose"}"#],
            at: "logging.level",
            saying: "must be one of trace, debug, info, notice, warning, error, critical"
        ),
        RuleCase(
            "misspelt log level",
            ["logging": #"{"level": "warn"}"#],
            at: "logging.level",
            saying: "did you mean 'warning'?"
        ),
        RuleCase(
            "unknown log format",
            ["logging": #"{"format": "xml"}"#],
            at: "logging.format",
            saying: "must be json or text"
        ),
        RuleCase(
            "client identifier with a space",
            ["plex": #"{"clientIdentifier": "my gate"}"#],
            at: "plex.clientIdentifier",
            saying: "1 to 128"
        ),
        RuleCase("empty device name", ["plex": #"{"deviceName": ""}"#], at: "plex.deviceName", saying: "1 to 128"),
        RuleCase(
            "device name with a line break",
            ["plex": #"{"deviceName": "a\nX-Evil: 1"}"#],
            at: "plex.deviceName",
            saying: "control characters"
        ),
    ]

    @Test(arguments: cases)
    func brokenSettingIsAnErrorAtItsPath(_ rule: RuleCase) {
        let extra = rule.members.compactMap { name, value in value.map { ", \"\(name)\": \($0)" } }.joined()
        let report = ConfigFixture().load(ConfigFixture.document(extra: extra))
        #expect(report.config == nil)
        let errors = report.problems(at: rule.path).filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(rule.phrase) }, "\(report.problems)")
    }

    @Test(arguments: LoggingLevels.all)
    func everyLogLevelIsAccepted(_ level: String) throws {
        let report = ConfigFixture().load(ConfigFixture.document(extra: #", "logging": {"level": "\#(level)"}"#))
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.logging.level.rawValue == level)
    }

    @Test func boundaryLimitsAreAccepted() throws {
        let limits = #", "limits": {"maxBodyBytes": 67108864, "requestDeadlineMs": 100, "authFailuresPerMinute": 1}"#
        let report = ConfigFixture().load(ConfigFixture.document(extra: limits))
        let config = try #require(report.config, "\(report.problems)")
        #expect(config.limits.maxBodyBytes == 64 << 20)
    }
}

/// The level names the config accepts.
enum LoggingLevels {
    static let all = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
}
