import Testing

@testable import ButlerGate

struct CryptoTests {
    @Test func sha256MatchesKnownVector() {
        #expect(Hex.encode(Crypto.sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hmacSHA256MatchesRFC4231TestCase2() {
        let mac = Crypto.hmacSHA256(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test(arguments: [
        ([UInt8]([1, 2, 3]), [UInt8]([1, 2, 3]), true),
        ([1, 2, 3], [1, 2, 4], false),
        ([1, 2, 3], [1, 2], false),
        ([], [], true),
    ])
    func constantTimeEqualsComparesWholeStrings(lhs: [UInt8], rhs: [UInt8], equal: Bool) {
        #expect(Crypto.constantTimeEquals(lhs, rhs) == equal)
    }

    @Test(arguments: [("00ff10", [UInt8]([0, 255, 16])), ("ABcd", [0xAB, 0xCD]), ("", [])])
    func hexDecodesEitherCase(text: String, bytes: [UInt8]) {
        #expect(Hex.decode(text) == bytes)
    }

    @Test(arguments: ["0", "0g", "zz"])
    func hexRejectsMalformedText(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func generatedKeysHaveThePrefixAndHashLine() throws {
        let first = KeyGenerator.generate()
        let second = KeyGenerator.generate()
        #expect(first.key != second.key)
        #expect(first.key.hasPrefix("bgk_"))
        #expect(first.key.count == 4 + 43)
        let body = first.key.dropFirst(4)
        #expect(body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(first.hashLine == "sha256:" + Hex.encode(Crypto.sha256(first.key)))
    }

    @Test func base64URLMatchesKnownEncoding() {
        #expect(KeyGenerator.base64URL(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw")
        #expect(KeyGenerator.base64URL([0xFB, 0xFF]) == "-_8")
    }
}
