/// The query string of `POST /v1/tasks/{task}/stop`: only `servers=a,b`.
enum ServersQuery {
    /// The names in `servers=`, nil when the query has none; throws `bad_request` for anything else.
    static func parse(_ query: String?) throws(GatewayError) -> [String]? {
        guard let query, !query.isEmpty else { return nil }
        var servers: [String]?
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0] == "servers" else { throw .badRequest("The only query parameter is 'servers'.") }
            guard servers == nil else { throw .badRequest("Give 'servers' once, as a comma-separated list.") }
            let value = parts.count == 2 ? parts[1] : ""
            guard !value.isEmpty else { throw .badRequest("'servers' must not be empty; leave it out for all.") }
            var names: [String] = []
            for raw in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                guard let name = PathSegments.decode(Array(raw)) else {
                    throw .badRequest("'servers' holds an empty or invalid name.")
                }
                names.append(name)
            }
            servers = names
        }
        return servers
    }
}
