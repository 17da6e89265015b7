import GateHTTP

/// A request the simulated server received, kept for tests to inspect.
public struct MockPlexRequest: Sendable {
    public var method: String
    /// The raw request-target, query included.
    public var target: String
    public var headers: HTTPHeaders

    /// The path without the query.
    public var path: String {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
    }
}
