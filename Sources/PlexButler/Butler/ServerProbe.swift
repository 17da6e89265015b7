/// What `ButlerClient.probe` learned about one server: can it be reached, and is the token accepted.
public struct ServerProbe: Sendable {
    /// The status of `GET /identity` (which needs no token), or why no answer came.
    public var identity: Result<Int, UpstreamFailure>
    /// The machine identifier the server reported, if its answer held one.
    public var machineIdentifier: String?
    /// The status of `GET /butler` with the token, or why no answer came.
    public var butler: Result<Int, UpstreamFailure>
    /// How many Butler tasks the server listed, when the token was accepted.
    public var taskCount: Int?

    /// Whether the token was accepted (`GET /butler` answered 200).
    public var tokenAccepted: Bool {
        (try? butler.get()) == 200
    }
}

extension ButlerClient {
    /// Checks reachability, TLS and the token with two read-only calls; never stops or starts anything.
    public func probe(_ server: PlexServer) async -> ServerProbe {
        let identity = await transport.perform(request("/identity", server: server, withToken: false))
        let butler = await transport.perform(request("/butler", server: server, withToken: true))
        let identityBody = (try? identity.get())?.body ?? []
        let butlerResponse = try? butler.get()
        return ServerProbe(
            identity: identity.map(\.status),
            machineIdentifier: Self.machineIdentifier(in: String(decoding: identityBody, as: UTF8.self)),
            butler: butler.map(\.status),
            taskCount: butlerResponse?.status == 200 ? ButlerTaskList(body: butlerResponse!.body)?.count : nil
        )
    }

    private func request(_ path: String, server: PlexServer, withToken: Bool) -> UpstreamRequest {
        let fields = headers(token: server.token).filter { withToken || $0.name != "X-Plex-Token" }
        return UpstreamRequest(
            method: "GET",
            url: server.baseURL + path,
            headers: fields,
            tls: server.tls,
            resolveTo: server.resolveTo,
            timeout: server.timeout
        )
    }

    /// The `machineIdentifier` of a JSON (`"machineIdentifier":"…"`) or XML (`machineIdentifier="…"`) answer.
    static func machineIdentifier(in body: String) -> String? {
        guard let match = body.firstMatch(of: /machineIdentifier"?\s*[:=]\s*"([A-Za-z0-9-]{1,128})"/) else {
            return nil
        }
        return String(match.output.1)
    }
}
