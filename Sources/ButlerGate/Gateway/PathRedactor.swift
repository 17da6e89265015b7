/// Makes a request path safe to log: hook secrets and anything that may hold a key or token become `***`.
enum PathRedactor {
    /// Longest path kept in a log line.
    static let maxLength = 256

    /// `path` (the query is never passed in, so never logged) with secret segments masked and length capped.
    ///
    /// Segments are judged percent-decoded (`%62gk_…` is a key too) but shown as sent.
    static func redact(_ path: String, secrets: SecretScreen) -> String {
        let raw = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Array.init)
        let decoded = raw.map { PathSegments.percentDecoded($0).bytes }
        // Everything after `hooks/{hook}` is a path secret, wherever the route starts (origin or absolute form).
        let hookName = decoded.firstIndex(of: Array("hooks".utf8)).map { $0 + 1 } ?? raw.count
        let segments = raw.indices.map { position in
            let secret = position > hookName || secrets.mayHoldSecret(raw[position])
            return secret ? "***" : String(decoding: raw[position], as: UTF8.self)
        }
        let joined = segments.joined(separator: "/")
        return joined.count > maxLength ? String(joined.prefix(maxLength)) + "…" : joined
    }
}
