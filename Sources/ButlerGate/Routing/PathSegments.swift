/// Splits and percent-decodes a request path, refusing segments that could not be a name.
enum PathSegments {
    /// Longest decoded segment, in bytes.
    static let maxSegmentBytes = 128

    /// The decoded segments of `path` (after the leading `/`), or nil for a path whose shape no route has:
    /// empty segments (so a trailing slash), an encoded `/`, or a `.` / `..` segment.
    /// A segment that is merely not a valid name is `.unreadable`, so the router can still see the route.
    static func split(_ path: String) -> [SuppliedName]? {
        guard path.hasPrefix("/") else { return nil }
        var segments: [SuppliedName] = []
        for raw in path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let segment = segment(Array(raw)), segment != .text("."), segment != .text("..") else {
                return nil
            }
            segments.append(segment)
        }
        return segments
    }

    /// One percent-decoded name; nil when it is empty, malformed or unsafe.
    static func decode(_ raw: [UInt8]) -> String? {
        segment(raw)?.text
    }

    /// `raw` with every well-formed `%XX` decoded; `malformed` when some `%` starts no such escape (kept as is).
    static func percentDecoded(_ raw: [UInt8]) -> (bytes: [UInt8], malformed: Bool) {
        var bytes: [UInt8] = []
        var malformed = false
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "%"), index + 2 < raw.count,
                let value = Hex.decode(String(decoding: raw[index + 1...index + 2], as: UTF8.self))
            {
                bytes.append(value[0])
                index += 3
            } else {
                malformed = malformed || raw[index] == UInt8(ascii: "%")
                bytes.append(raw[index])
                index += 1
            }
        }
        return (bytes, malformed)
    }

    /// nil for an empty segment or one holding `/`; `.unreadable` for anything else that is not a name.
    private static func segment(_ raw: [UInt8]) -> SuppliedName? {
        let (bytes, malformed) = percentDecoded(raw)
        guard !bytes.isEmpty, !bytes.contains(UInt8(ascii: "/")) else { return nil }
        guard !malformed, bytes.count <= maxSegmentBytes, !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }),
            let text = String(validating: bytes, as: UTF8.self)
        else { return .unreadable }
        return .text(text)
    }
}
