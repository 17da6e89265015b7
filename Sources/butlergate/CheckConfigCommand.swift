import ButlerGate

/// `butlergate check-config FILE`: every problem explained, exit 1 on any error.
enum CheckConfigCommand {
    static func run(path: String) -> Int32 {
        let report = ConfigLoader().load(contentsOf: path)
        for problem in report.problems {
            Output.line(problem.description)
        }
        guard report.errors.isEmpty, let config = report.config else {
            Output.line("\(path): \(report.errors.count) error(s), \(report.warnings.count) warning(s)")
            return 1
        }
        let summary = "\(config.servers.count) server(s), \(config.keys.count) key(s)"
        Output.line("\(path): OK (\(summary); \(report.warnings.count) warning(s))")
        return 0
    }
}
