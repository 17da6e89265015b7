/// libcurl's multi interface on a thread of its own.
///
/// CONTRACT STUB: the implementation replaces the bodies; the public surface stays.
public final class CurlTransport: UpstreamTransport {
    public init() throws {
        fatalError("not implemented")
    }

    public func perform(_ request: UpstreamRequest) async -> Result<UpstreamResponse, UpstreamFailure> {
        fatalError("not implemented")
    }

    /// Ends the curl thread; pending requests fail as unreachable.
    public func shutdown() {
        fatalError("not implemented")
    }
}
