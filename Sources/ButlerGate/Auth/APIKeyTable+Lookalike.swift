extension APIKeyTable {
    /// Whether `bytes`, taken as they are, hold `bgk_` in any ASCII case or hash to a configured key
    /// (disabled ones too).
    func looksLikeKey(_ bytes: [UInt8]) -> Bool {
        ASCII.contains(bytes, Array(KeyGenerator.prefix.utf8)) || hashesToKey(bytes)
    }

    private func hashesToKey(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        let digest = Crypto.sha256(bytes)
        return keys.reduce(false) { found, key in Crypto.constantTimeEquals(digest, key.hash) || found }
    }
}
