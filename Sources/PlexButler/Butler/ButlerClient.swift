/// Stops Butler tasks on Plex servers through a transport.
public struct ButlerClient: Sendable {
    public let transport: any UpstreamTransport
    public let identity: PlexClientIdentity
    /// Shared by every copy of this client, so that one request's lookup serves the next.
    let taskLookup: ButlerTaskLookup

    /// - Parameter taskListLifetime: how long a server's `GET /butler` list is trusted once read.
    public init(
        transport: any UpstreamTransport,
        identity: PlexClientIdentity,
        taskListLifetime: Duration = .seconds(300)
    ) {
        self.transport = transport
        self.identity = identity
        let cache = ButlerTaskListCache(listLifetime: taskListLifetime, missingLifetime: .seconds(30))
        self.taskLookup = ButlerTaskLookup(transport: transport, cache: cache)
    }

    /// Sends `DELETE /butler/{task}` and classifies the answer; never throws.
    ///
    /// A 404 means "not running" or "no such task"; the server's own list, read within the same
    /// budget, tells which, and anything short of a readable list keeps "not running".
    /// - Parameters:
    ///   - task: the canonical task name, already validated.
    ///   - deadline: the request's deadline; the call ends at the earlier of it and the server's timeout.
    public func stop(task: String, on server: PlexServer, deadline: ContinuousClock.Instant) async -> ServerStopResult {
        let clock = ContinuousClock()
        let started = clock.now
        let remaining = started.duration(to: deadline)
        let budget = min(server.timeout, remaining)
        let end = started.advanced(by: budget)
        // An empty name would turn the call into `DELETE /butler`, which stops every task, and a `/`, `?`
        // or `%` would reach another path; canonical names are letters and digits only.
        guard Self.isCanonicalName(task) else {
            let reason = "invalid task name"
            return ServerStopResult(server: server.name, outcome: .unknownTask, error: reason, durationMs: 0)
        }
        guard budget > .zero else {
            let reason = "deadline passed before the call"
            return ServerStopResult(server: server.name, outcome: .timeout, error: reason, durationMs: 0)
        }

        let request = UpstreamRequest(
            method: "DELETE",
            url: server.baseURL + "/butler/" + task,
            headers: headers(token: server.token),
            tls: server.tls,
            resolveTo: server.resolveTo,
            timeout: budget
        )
        var classified = ButlerClassifier.classify(await transport.perform(request))
        if classified.outcome == .notRunning {
            let left = clock.now.duration(to: end)
            let list = await taskLookup.taskList(on: server, headers: request.headers, budget: left)
            if let list, !list.contains(task) {
                classified.outcome = .unknownTask
                classified.error = "this server has no such task"
            }
        }

        let elapsed = started.duration(to: clock.now).components
        let milliseconds = Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)
        classified.server = server.name
        classified.durationMs = milliseconds
        return classified
    }

    /// Whether `task` is non-empty ASCII letters and digits, as every catalogue name is.
    static func isCanonicalName(_ task: String) -> Bool {
        !task.isEmpty && task.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
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
