/// Stops Butler tasks on Plex servers through a transport.
///
/// CONTRACT STUB: the implementation replaces the bodies; the public surface stays.
public struct ButlerClient: Sendable {
    public let transport: any UpstreamTransport
    public let identity: PlexClientIdentity

    public init(transport: any UpstreamTransport, identity: PlexClientIdentity) {
        self.transport = transport
        self.identity = identity
    }

    /// Sends `DELETE /butler/{task}` and classifies the answer; never throws.
    /// - Parameters:
    ///   - task: the canonical task name, already validated (never empty).
    ///   - deadline: the request's overall deadline; the call ends at the earlier of it and the server timeout.
    public func stop(task: String, on server: PlexServer, deadline: ContinuousClock.Instant) async -> ServerStopResult {
        fatalError("not implemented")
    }
}
