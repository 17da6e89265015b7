extension APIKeyTable {
    /// Percent-decoding rounds tried before a value that keeps changing is treated as a key anyway.
    private static let decodingRounds = 4

    /// Whether caller-supplied `text` may hold an API key, so it must not be echoed or logged.
    func mayHoldKey(_ text: String) -> Bool {
        mayHoldKey(Array(text.utf8))
    }

    /// Whether `bytes` hold `bgk_` in any ASCII case or hash to a configured key (disabled ones too),
    /// as sent or after percent-decoding, repeatedly: a log reader may decode `%2562gk_` twice.
    func mayHoldKey(_ bytes: [UInt8]) -> Bool {
        var current = bytes
        for _ in 0..<Self.decodingRounds {
            if ASCII.contains(current, Array(KeyGenerator.prefix.utf8)) || hashesToKey(current) {
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

    private func hashesToKey(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        let digest = Crypto.sha256(bytes)
        return keys.reduce(false) { found, key in Crypto.constantTimeEquals(digest, key.hash) || found }
    }
}
