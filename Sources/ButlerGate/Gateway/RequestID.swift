import GateHTTP

/// The `X-Request-ID` of a request: the caller's when it is safe to echo, else a new one.
enum RequestID {
    /// The caller's id if it is 1–128 characters of `[A-Za-z0-9._-]` and cannot hold a secret:
    /// the id is on every log line and in the response, so a key or token sent as one would leak everywhere.
    static func accepted(from headers: HTTPHeaders?, secrets: SecretScreen) -> String? {
        guard let value = headers?["X-Request-ID"], isValid(value), !secrets.mayHoldSecret(value) else { return nil }
        return value
    }

    /// Whether `value` may be echoed into headers and logs.
    static func isValid(_ value: String) -> Bool {
        let bytes = value.utf8
        return (1...128).contains(bytes.count)
            && bytes.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default:
                    false
                }
            }
    }

    /// 128 random bits in hex.
    static func generate() -> String {
        Hex.encode(Crypto.randomBytes(16))
    }
}
