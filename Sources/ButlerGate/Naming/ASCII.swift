/// Byte-level ASCII case rules, for every comparison where Unicode case mapping must not apply.
enum ASCII {
    /// `byte` with `A`–`Z` mapped to `a`–`z`; every other byte unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// Whether `needle` occurs in `haystack`, ignoring ASCII case only.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        return (0...haystack.count - needle.count).contains { start in
            needle.indices.allSatisfy { lowercased(haystack[start + $0]) == lowercased(needle[$0]) }
        }
    }
}
