import GateHTTP

/// A simulated Plex Media Server for tests, the demo and benchmarks.
///
/// It answers `DELETE /butler/{task}` as Plex does (200 stopped, 404 not running or unknown, 401 with
/// Plex's JSON error body for a wrong token), `POST /butler/{task}`, `GET /butler` and `GET /identity`,
/// records every request, and can be told to misbehave (`MockPlexFault`).
public final class MockPlex: Sendable {
    public let name: String
    public let machineIdentifier: String
    private let state: MockPlexState
    private let server: HTTPServer

    /// - Parameters:
    ///   - token: the only `X-Plex-Token` accepted.
    ///   - knownTasks: what `GET /butler` lists and `POST /butler/{task}` accepts; empty makes
    ///     `GET /butler` answer 404, as if the server had no list to give.
    ///   - running: tasks running at start.
    ///   - tls: serve HTTPS with this certificate (e.g. a `SelfSignedCertificate`).
    public init(
        name: String,
        token: String,
        machineIdentifier: String? = nil,
        knownTasks: [String] = [],
        running: Set<String> = [],
        tls: TLSConfiguration? = nil,
        host: String = "127.0.0.1",
        port: Int = 0
    ) throws {
        self.name = name
        self.machineIdentifier = machineIdentifier ?? MockPlex.identifier(for: name)
        self.state = MockPlexState(validToken: token, knownTasks: knownTasks, running: running)
        let responder = MockPlexResponder(state: state, machineIdentifier: self.machineIdentifier)
        let configuration = HTTPServerConfiguration(host: host, port: port, tls: tls, loopCount: 1)
        self.server = try HTTPServer(configuration: configuration, responder: responder)
    }

    public func start() throws {
        try server.start()
    }

    public var port: Int { server.port }

    /// The base URL to configure in the gateway.
    public var url: String {
        let scheme = server.configuration.tls == nil ? "http" : "https"
        return "\(scheme)://\(server.configuration.host):\(port)"
    }

    public func setToken(_ token: String) async { await state.setToken(token) }
    public func setRunning(_ tasks: Set<String>) async { await state.setRunning(tasks) }
    public func running() async -> Set<String> { await state.running }

    /// Sets a fault for one task, or for every request when `task` is nil; nil `fault` clears it.
    public func setFault(_ fault: MockPlexFault?, task: String? = nil) async {
        await state.setFault(fault, task: task)
    }

    /// Every request received so far, oldest first.
    public func requests() async -> [MockPlexRequest] { await state.received }
    public func clearRequests() async { await state.clearLog() }

    /// Releases hanging requests and stops the server.
    public func shutdown() async {
        await state.markStopping()
        await server.shutdown(gracePeriod: .seconds(1))
    }

    /// A 40-hex-digit identifier derived from the name, stable across runs like a real server's.
    static func identifier(for name: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var digits = ""
        for round in 0..<3 {
            for byte in name.utf8 + [UInt8(round)] {
                value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            digits += String(value, radix: 16).leftPadded(to: 16)
        }
        return String(digits.prefix(40))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
