/// Makes new API keys: `bgk_` and 43 base64url characters (256 random bits).
public enum KeyGenerator {
    /// A new key and the config value that stores it.
    public struct GeneratedKey: Sendable {
        /// The key itself: shown once, never stored.
        public var key: String
        /// `sha256:<hex>`, the value of the key's `hash` in the config.
        public var hashLine: String
    }

    /// The prefix that lets people and secret scanners recognise a key.
    public static let prefix = "bgk_"
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// A fresh key from the CSPRNG.
    public static func generate() -> GeneratedKey {
        let key = prefix + base64URL(Crypto.randomBytes(32))
        return GeneratedKey(key: key, hashLine: hashLine(for: key))
    }

    /// The config hash value for an existing key string.
    public static func hashLine(for key: String) -> String {
        "sha256:" + Hex.encode(Crypto.sha256(key))
    }

    /// Unpadded base64url: 32 bytes give 43 characters.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group = 0
            for (offset, byte) in chunk.enumerated() {
                group |= Int(byte) << (16 - 8 * offset)
            }
            for position in 0...chunk.count {
                output.append(alphabet[(group >> (18 - 6 * position)) & 0x3F])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
