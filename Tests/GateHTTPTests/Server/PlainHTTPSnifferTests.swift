import Testing

@testable import GateHTTP

struct PlainHTTPSnifferTests {
    @Test(
        arguments: [
            ([0x16, 0x03, 0x01], PlainHTTPSniffer.Verdict.handshake),
            (Array("GET / HTTP/1.1".utf8), .plainHTTP),
            (Array("OPTIONS *".utf8), .plainHTTP),
            (Array("PO".utf8), .needMore),
            ([], .needMore),
            (Array("ABCDEFGH ".utf8), .handshake),
            (Array(" GET".utf8), .handshake),
            (Array("get / ".utf8), .handshake),
            ([0x50, 0x00, 0x20], .handshake),
        ] as [([UInt8], PlainHTTPSniffer.Verdict)]
    )
    func classifiesTheFirstBytes(_ bytes: [UInt8], _ expected: PlainHTTPSniffer.Verdict) {
        #expect(bytes.withUnsafeBytes { PlainHTTPSniffer.classify($0) } == expected)
    }
}
