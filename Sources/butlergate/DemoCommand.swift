import ButlerGate
import Foundation
import GateHTTP
import MockPlex

/// `butlergate demo`: the gateway on loopback in front of three simulated Plex servers, with a
/// fresh self-signed certificate and a fresh key, serving until SIGINT or SIGTERM.
enum DemoCommand {
    /// - Parameter port: the port asked for; nil tries 8443 and falls back to a free port when it is taken.
    static func run(port: Int?) async -> Int32 {
        let signals = SignalWaiter([SIGTERM, SIGINT])
        let logger = Logger(handler: StderrLogHandler(format: .text), level: .info)
        let demo: DemoSetup
        do {
            demo = try await DemoSetup.start(port: port, logger: logger)
        } catch {
            Output.error("butlergate demo: could not start: \(error)")
            return 1
        }

        Output.line(demo.instructions)
        for await _ in signals.signals { break }
        await demo.shutdown()
        return 0
    }
}

/// The parts the demo runs, and how to tear them down.
struct DemoSetup {
    let service: GatewayService
    let mocks: [MockPlex]
    let key: String
    let certificatePath: String
    let directory: String

    static func start(port: Int?, logger: Logger) async throws -> DemoSetup {
        let directory = try makeDirectory()
        let certificate = try SelfSignedCertificate.generate()
        let certificatePath = directory + "/cert.pem"
        try certificate.certificatePEM.write(toFile: certificatePath, atomically: true, encoding: .utf8)

        let tasks = TaskCatalogue.standard.names
        let specs: [(name: String, running: Set<String>, groups: [String])] = [
            ("den", ["BackupDatabase", "DeepMediaAnalysis"], ["home"]),
            ("attic", ["DeepMediaAnalysis"], ["home"]),
            ("cabin", ["GenerateChapterThumbs"], []),
        ]
        var mocks: [MockPlex] = []
        var servers: [ServerConfig] = []
        for spec in specs {
            let token = Hex.encode(Crypto.randomBytes(16))
            let mock = try MockPlex(name: spec.name, token: token, knownTasks: tasks, running: spec.running)
            try mock.start()
            mocks.append(mock)
            servers.append(
                ServerConfig(
                    name: spec.name,
                    url: mock.url,
                    token: token,
                    machineIdentifier: mock.machineIdentifier,
                    groups: spec.groups,
                    timeoutMs: 2000
                )
            )
        }

        let generated = KeyGenerator.generate()
        let key = KeyConfig(id: "demo", hash: Crypto.sha256(generated.key))
        let tls = TLSConfiguration(.pem(certificate: certificate.certificatePEM, privateKey: certificate.privateKeyPEM))
        let service = try startGateway(servers: servers, key: key, tls: tls, port: port, logger: logger)
        return DemoSetup(
            service: service,
            mocks: mocks,
            key: generated.key,
            certificatePath: certificatePath,
            directory: directory
        )
    }

    /// Starts on `port`, or without one on 8443 and then on any free port when 8443 is taken.
    private static func startGateway(
        servers: [ServerConfig],
        key: KeyConfig,
        tls: TLSConfiguration,
        port: Int?,
        logger: Logger
    ) throws -> GatewayService {
        var lastError: (any Error)?
        for candidate in port.map({ [$0] }) ?? [8443, 0] {
            let listen = ListenConfig(host: "127.0.0.1", port: candidate, tls: nil)
            let config = GatewayConfig(listen: listen, servers: servers, keys: [key])
            do {
                let service = try GatewayService(config: config, tls: tls, logger: logger)
                try service.start()
                return service
            } catch {
                lastError = error
            }
        }
        throw lastError!
    }

    var instructions: String {
        let base = "https://127.0.0.1:\(service.port)"
        let curl = "curl --cacert \(certificatePath) -H 'Authorization: Bearer \(key)'"
        return """
            URL: \(base)
            API key: \(key)

            Simulated Plex servers: den and attic (group "home"), cabin.
            Running now: BackupDatabase and DeepMediaAnalysis on den, DeepMediaAnalysis on attic,
            GenerateChapterThumbs on cabin.

            Stop the backup on den:
              \(curl) -X POST \(base)/v1/servers/den/tasks/BackupDatabase/stop
            Stop media analysis on every server of group home, by alias:
              \(curl) -X POST '\(base)/v1/tasks/deep-media-analysis/stop?servers=home'
            The Home Assistant form, on every server the key reaches:
              \(curl) -H 'Content-Type: application/json' -d '{"task":"GenerateChapterThumbs"}' \(base)/v1/stop
            What the key may reach, and the task catalogue:
              \(curl) \(base)/v1/servers
              \(curl) \(base)/v1/tasks
            An unknown task (400, never sent to Plex):
              \(curl) -X POST \(base)/v1/servers/den/tasks/NoSuchTask/stop

            Press Ctrl-C to stop.
            """
    }

    func shutdown() async {
        await service.shutdown(gracePeriod: .seconds(5))
        for mock in mocks { await mock.shutdown() }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func makeDirectory() throws -> String {
        var template = Array((NSTemporaryDirectory() + "butlergate-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        return String(cString: made)
    }
}
