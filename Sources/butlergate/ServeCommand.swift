import ButlerGate
import Glibc

/// `butlergate serve --config FILE`: run until SIGTERM or SIGINT, then drain and exit 0.
enum ServeCommand {
    static func run(configPath: String) async -> Int32 {
        let report = ConfigLoader().load(contentsOf: configPath)
        for problem in report.problems {
            Output.error(problem.description)
        }
        guard let config = report.config else {
            Output.error("butlergate: \(configPath) has \(report.errors.count) error(s); not starting")
            return 1
        }

        let logger = Logger(handler: StderrLogHandler(format: config.logging.format), level: config.logging.level)
        let signals = SignalWaiter([SIGTERM, SIGINT, SIGHUP])
        let service: GatewayService
        do {
            service = try GatewayService(config: config, logger: logger)
            try service.start()
        } catch {
            logger.error("could not start", metadata: ["error": .string(String(describing: error))])
            return 1
        }
        if config.listen.insecurePlaintext {
            logger.warning("serving plain HTTP: keys travel unencrypted unless a TLS proxy is in front")
        }

        for await number in signals.signals {
            guard number == SIGHUP else { break }
            reload(configPath, into: service, logger: logger)
        }
        await service.shutdown()
        return 0
    }

    /// Applies a changed config file; a bad one is rejected and the running config keeps serving.
    private static func reload(_ path: String, into service: GatewayService, logger: Logger) {
        let report = ConfigLoader().load(contentsOf: path)
        guard let config = report.config else {
            let problems = report.errors.map(\.description).joined(separator: "; ")
            logger.error(
                "reload rejected; keeping the running config",
                metadata: ["config.problems": .string(problems)]
            )
            return
        }
        do {
            try service.reload(config)
        } catch {
            logger.error(
                "reload rejected; keeping the running config",
                metadata: ["error": .string(String(describing: error))]
            )
        }
    }
}
