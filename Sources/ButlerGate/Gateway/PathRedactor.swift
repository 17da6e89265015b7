/// Makes a request path safe to log: hook secrets and anything shaped like a key become `***`.
enum PathRedactor {
    /// Longest path kept in a log line.
    static let maxLength = 256

    /// `path` (already without its query) with secret segments masked and length capped.
    static func redact(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for position in segments.indices {
            let isHookSecret = position >= 4 && segments[1] == "v1" && segments[2] == "hooks"
            if isHookSecret || segments[position].lowercased().hasPrefix(KeyGenerator.prefix) {
                segments[position] = "***"
            }
        }
        let joined = segments.joined(separator: "/")
        return joined.count > maxLength ? String(joined.prefix(maxLength)) + "…" : joined
    }
}
