/// The fields a stop body may carry, checked for type and for unknown names.
struct RequestBody: Sendable, Equatable {
    /// `task` of `POST /v1/stop`.
    var task: String?
    /// `servers`, never empty when present.
    var servers: [String]?

    /// Parses `body` for a route accepting `fields`; an empty body is an empty object.
    /// Throws 415 for a non-JSON media type and 400 `invalid_body` for anything but the expected object.
    static func parse(_ body: [UInt8], contentType: String?, fields: Set<String>) throws(GatewayError) -> RequestBody {
        guard !body.isEmpty else { return RequestBody() }
        guard isJSON(contentType) else { throw .unsupportedMediaType }
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(body)
        } catch {
            // The reason is one of a fixed set of phrases: nothing of the body is echoed back.
            throw .invalidBody("The body is not valid JSON: \(error.reason.phrase).")
        }
        guard case .object(let members) = parsed else { throw .invalidBody("The body must be a JSON object.") }
        let unknown = members.first { key, _ in !fields.contains { JSONValue.sameKey($0, key) } }
        if let unknown {
            throw .invalidBody(Self.isEchoable(unknown.0) ? "Unknown field '\(unknown.0)'." : "Unknown field.")
        }
        var result = RequestBody()
        if let task = JSONValue.member("task", in: members) {
            guard case .string(let name) = task, isName(name) else { throw .invalidBody("'task' must be a task name.") }
            result.task = name
        }
        if let servers = JSONValue.member("servers", in: members) {
            result.servers = try names(servers)
        }
        return result
    }

    /// `application/json`, with any parameters, but a charset only if it is UTF-8.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let parts = contentType.split(separator: ";").map { $0.trimmingSpaces().lowercased() }
        guard parts.first == "application/json" else { return false }
        return parts.dropFirst().allSatisfy { parameter in
            guard parameter.hasPrefix("charset=") else { return true }
            let value = parameter.dropFirst("charset=".count).filter { $0 != "\"" }
            return value == "utf-8" || value == "utf8"
        }
    }

    /// A name as a path segment would admit it: 1–128 bytes, no `/`, no control characters.
    static func isName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return !bytes.isEmpty && bytes.count <= PathSegments.maxSegmentBytes
            && !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") })
    }

    /// The `servers` list: a non-empty list of names.
    private static func names(_ value: JSONValue) throws(GatewayError) -> [String] {
        let invalid = GatewayError.invalidBody("'servers' must be a list of server or group names.")
        guard case .array(let items) = value else { throw invalid }
        var names: [String] = []
        for item in items {
            guard case .string(let name) = item, isName(name) else { throw invalid }
            names.append(name)
        }
        guard !names.isEmpty else { throw .invalidBody("'servers' must not be empty; leave it out for all.") }
        return names
    }

    /// Whether a field name may be repeated in an error: short, plain, and not shaped like a key.
    /// Keys are long and random, so a name of at most 32 plain characters cannot be one of ours.
    private static func isEchoable(_ name: String) -> Bool {
        name.utf8.count <= 32 && ConfigRules.isName(name) && !ASCII.contains(Array(name.utf8), Array("bgk_".utf8))
    }
}
