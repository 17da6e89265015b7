/// Stops Butler tasks on Plex servers through a transport.
public struct ButlerClient: Sendable {
    public let transport: any UpstreamTransport
    public let identity: PlexClientIdentity

    public init(transport: any UpstreamTransport, identity: PlexClientIdentity) {
        self.transport = transport
        self.identity = identity
    }

    /// Sends `DELETE /butler/{task}` and classifies the answer; never throws.
    /// - Parameters:
    ///   - task: the canonical task name, already validated.
    ///   - deadline: the request's deadline; the call ends at the earlier of it and the server's timeout.
    public func stop(task: String, on server: PlexServer, deadline: ContinuousClock.Instant) async -> ServerStopResult {
        let clock = ContinuousClock()
        let started = clock.now
        let remaining = started.duration(to: deadline)
        let budget = min(server.timeout, remaining)
        // An empty name would turn the call into `DELETE /butler`, which stops every task.
        guard !task.isEmpty, budget > .zero else {
            let outcome: StopOutcome = task.isEmpty ? .invalidResponse : .timeout
            let reason = task.isEmpty ? "no task name" : "deadline passed before the call"
            return ServerStopResult(server: server.name, outcome: outcome, error: reason, durationMs: 0)
        }

        let request = UpstreamRequest(
            method: "DELETE",
            url: server.baseURL + "/butler/" + task,
            headers: headers(token: server.token),
            tls: server.tls,
            resolveTo: server.resolveTo,
            timeout: budget
        )
        let result = await transport.perform(request)
        let elapsed = started.duration(to: clock.now)
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)

        var classified = ButlerClassifier.classify(result)
        classified.server = server.name
        classified.durationMs = milliseconds
        return classified
    }

    /// The headers Plex expects from a well-behaved client; the token travels only here.
    func headers(token: String) -> [(name: String, value: String)] {
        [
            ("X-Plex-Token", token),
            ("X-Plex-Client-Identifier", identity.clientIdentifier),
            ("X-Plex-Product", identity.product),
            ("X-Plex-Version", identity.version),
            ("X-Plex-Platform", identity.platform),
            ("X-Plex-Device", identity.device),
            ("X-Plex-Device-Name", identity.deviceName),
            ("Accept", "application/json"),
            ("Accept-Encoding", "identity"),
        ]
    }
}
