/// A name folded for comparison: ASCII letters lower-cased, every other byte compared as it is.
///
/// Unicode folding is avoided on purpose: `lowercased()` maps the Kelvin sign to `k`, and `String`
/// equality treats it as `K` (canonical equivalence), so either would let a non-ASCII spelling reach
/// an ASCII name. Configured names are ASCII, so a spelling with any other byte matches nothing.
struct FoldedName: Hashable, Sendable {
    private let bytes: [UInt8]

    /// The folded form of `name`, or nil when it holds a byte outside ASCII.
    init?(_ name: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(ASCII.lowercased(byte))
        }
        self.bytes = bytes
    }
}
