import GateHTTP
import Testing

/// Seeded random inputs: the parsers must never crash, and splitting input must not change results.
struct ParserRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    private static let seed = Array(
        "POST /a?b=c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nX: y\r\n\r\n5;e\r\nhello\r\n0\r\n\r\n".utf8
    )
    private static let interesting: [UInt8] = [0, 9, 10, 13, 32, 58, 59, 0x7F, 0x80, 0xFF, 0x30, 0x61]

    private static func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[index] = interesting.randomElement(using: &generator) ?? 0
            case 1: bytes.remove(at: index)
            default: bytes.insert(interesting.randomElement(using: &generator) ?? 0, at: index)
            }
        }
        return bytes
    }

    private static func outcome(_ bytes: [UInt8], split: Int?) -> String {
        var parser = HTTPRequestParser(limits: HTTPLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128))
        if let split, split < bytes.count, case .needMore = parser.parse(Array(bytes[..<split])) {
            return String(describing: parser.parse(bytes))
        }
        var fresh = HTTPRequestParser(limits: parser.limits)
        return String(describing: fresh.parse(bytes))
    }

    @Test
    func mutatedRequestsParseTheSameWholeOrSplit() {
        var generator = SeededGenerator(state: 0x6A7E)
        for _ in 0..<3000 {
            let bytes = Self.mutate(Self.seed, using: &generator)
            let split = Int.random(in: 1..<bytes.count, using: &generator)
            #expect(Self.outcome(bytes, split: split) == Self.outcome(bytes, split: nil))
        }
    }

    @Test
    func mutatedChunkedBodiesNeverExceedTheLimit() {
        var generator = SeededGenerator(state: 0xC4A2)
        let body = Array("5;e\r\nhello\r\n3\r\nabc\r\n0\r\nT: v\r\n\r\n".utf8)
        for _ in 0..<3000 {
            let bytes = Self.mutate(body, using: &generator)
            var decoder = ChunkedBodyDecoder(maxBodyBytes: 8)
            var decoded: [UInt8] = []
            _ = try? decoder.decode(bytes, into: &decoded)
            #expect(decoded.count <= 8)
        }
    }
}
