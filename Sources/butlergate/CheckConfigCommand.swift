import ButlerGate
import GateHTTP

/// `butlergate check-config FILE`: every problem explained, exit 1 on any error.
enum CheckConfigCommand {
    static func run(path: String) -> Int32 {
        let report = ConfigLoader().load(contentsOf: path)
        var problems = report.problems
        if report.errors.isEmpty, let tls = report.config?.listen.tls {
            problems += certificateProblems(tls)
        }
        for problem in problems {
            Output.line(problem.description)
        }
        let errors = problems.filter { $0.severity == .error }.count
        guard errors == 0, let config = report.config else {
            Output.line("\(path): \(errors) error(s), \(report.warnings.count) warning(s)")
            return 1
        }
        let summary = "\(config.servers.count) server(s), \(config.keys.count) key(s)"
        Output.line("\(path): OK (\(summary); \(report.warnings.count) warning(s))")
        return 0
    }

    /// What `serve` would refuse about the certificate and key: the files are read and paired the same way.
    private static func certificateProblems(_ tls: ListenTLSConfig) -> [ConfigProblem] {
        do {
            try tls.serverTLS.check()
            return []
        } catch {
            return [ConfigProblem(path: "listen.tls", message: error.description, severity: .error)]
        }
    }
}
