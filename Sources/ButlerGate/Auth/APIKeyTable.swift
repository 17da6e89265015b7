/// The configured keys, matched by hash in constant time.
struct APIKeyTable: Sendable {
    /// Every configured key, disabled ones included (they are compared too, so timing does not tell).
    let keys: [APIKey]

    /// The enabled key whose hash matches `presented`, or nil.
    ///
    /// Every entry is compared, with no early exit, so timing tells nothing about which hash came close.
    func match(_ presented: String) -> APIKey? {
        let digest = Crypto.sha256(presented)
        var found: APIKey?
        for key in keys {
            let equal = Crypto.constantTimeEquals(digest, key.hash)
            if equal, !key.disabled, found == nil {
                found = key
            }
        }
        return found
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP optional whitespace).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
