/// Splits and percent-decodes a request path, refusing segments that could not be a name.
enum PathSegments {
    /// Longest decoded segment, in bytes.
    static let maxSegmentBytes = 128

    /// The decoded segments of `path` (after the leading `/`), or nil for anything no route can match:
    /// empty segments (so a trailing slash), bad escapes, invalid UTF-8, `/`, control characters, over-long names.
    static func split(_ path: String) -> [String]? {
        guard path.hasPrefix("/") else { return nil }
        var segments: [String] = []
        for raw in path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let segment = decode(Array(raw)) else { return nil }
            segments.append(segment)
        }
        return segments
    }

    /// One percent-decoded name; nil when it is empty, malformed or unsafe.
    static func decode(_ raw: [UInt8]) -> String? {
        var bytes: [UInt8] = []
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "%") {
                guard index + 2 < raw.count,
                    let value = Hex.decode(String(decoding: raw[index + 1...index + 2], as: UTF8.self))
                else { return nil }
                bytes.append(value[0])
                index += 3
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        guard !bytes.isEmpty, bytes.count <= maxSegmentBytes,
            !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") })
        else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
