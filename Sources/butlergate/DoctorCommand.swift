import ButlerGate
import PlexButler

/// `butlergate doctor --config FILE`: for each server, is it reachable, is TLS fine, is the token accepted.
enum DoctorCommand {
    static func run(configPath: String) async -> Int32 {
        let report = ConfigLoader().load(contentsOf: configPath)
        guard let config = report.config else {
            report.errors.forEach { Output.line($0.description) }
            return 1
        }
        let transport: CurlTransport
        do {
            transport = try CurlTransport()
        } catch {
            Output.error("butlergate doctor: the HTTP client could not start")
            return 1
        }
        defer { transport.shutdown() }

        var healthy = true
        for (server, probe) in await ServerDoctor.probe(config, transport: transport) {
            let verdict = DoctorVerdict(server: server, probe: probe)
            Output.line(verdict.line)
            healthy = healthy && verdict.isHealthy
        }
        return healthy ? 0 : 1
    }
}

/// One server's findings as a line of text.
struct DoctorVerdict {
    let line: String
    let isHealthy: Bool

    init(server: ServerConfig, probe: ServerProbe) {
        var findings: [String] = []
        var healthy = true
        switch probe.identity {
        case .success:
            findings.append(server.url.hasPrefix("https") ? "reachable, TLS ok" : "reachable")
        case .failure(let failure):
            findings.append(
                failure.kind == .tls ? "TLS problem: \(failure.reason)" : "not reachable: \(failure.reason)"
            )
            healthy = false
        }
        if let expected = server.machineIdentifier, let reported = probe.machineIdentifier,
            expected.lowercased() != reported.lowercased()
        {
            findings.append("machineIdentifier differs: the server says \(reported)")
            healthy = false
        }
        switch probe.butler {
        case .success(200):
            findings.append("token accepted" + (probe.taskCount.map { " (\($0) Butler tasks)" } ?? ""))
        case .success(let status) where status == 401 || status == 403:
            findings.append("token refused (HTTP \(status)): is it the server owner's token?")
            healthy = false
        case .success(let status):
            findings.append("GET /butler answered HTTP \(status)")
            healthy = false
        case .failure(let failure) where healthy:
            findings.append("token not checked: \(failure.reason)")
            healthy = false
        case .failure:
            break
        }
        line = "\(healthy ? "ok  " : "FAIL") \(server.name) (\(server.url)): " + findings.joined(separator: "; ")
        isHealthy = healthy
    }
}
