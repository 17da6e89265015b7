/// Recognises caller-supplied text that may hold a secret of the current config: an API key or a Plex token.
///
/// Such text is never echoed or logged: a request id, a path segment or a refused name is masked instead.
struct SecretScreen: Sendable {
    /// Percent-decoding rounds tried before a value that keeps changing is treated as a secret anyway.
    private static let decodingRounds = 4

    /// The configured keys, recognised by prefix and by hash.
    let keys: APIKeyTable
    /// The configured Plex tokens as bytes, decoded once at config load so each check only searches.
    private let plexTokens: [[UInt8]]

    /// A screen for `keys` and the Plex `tokens` of the same config.
    init(keys: APIKeyTable, plexTokens tokens: [String]) {
        self.keys = keys
        plexTokens = Set(tokens).filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// Whether caller-supplied `text` may hold a secret, so it must not be echoed or logged.
    func mayHoldSecret(_ text: String) -> Bool {
        mayHoldSecret(Array(text.utf8))
    }

    /// Whether `bytes` look like a key or contain a Plex token (in any ASCII case, erring towards masking),
    /// as sent or after percent-decoding, repeatedly: a log reader may decode `%2562gk_` twice.
    func mayHoldSecret(_ bytes: [UInt8]) -> Bool {
        var current = bytes
        for _ in 0..<Self.decodingRounds {
            if keys.looksLikeKey(current) || plexTokens.contains(where: { ASCII.contains(current, $0) }) {
                return true
            }
            let decoded = PathSegments.percentDecoded(current).bytes
            if decoded == current {
                return false
            }
            current = decoded
        }
        return true
    }
}
