import Testing

@testable import PlexButler

/// Header collection and body capping, as curl's callbacks feed them.
struct ResponseAccumulatorTests {
    private func feed(_ lines: [String], into accumulator: inout ResponseAccumulator) {
        for line in lines {
            Array(line.utf8).withUnsafeBytes { accumulator.headerLine($0) }
        }
    }

    @Test func keepsOnlyTheLastResponsesFieldsInOrder() {
        var accumulator = ResponseAccumulator(maxBodyBytes: 10)
        feed(["HTTP/1.1 302 Found\r\n", "Location: /x\r\n", "\r\n"], into: &accumulator)
        feed(
            ["HTTP/1.1 200 OK\r\n", "B: 2\r\n", "A:1\r\n", "Content-Type:  text/xml \r\n", "\r\n"],
            into: &accumulator
        )
        #expect(accumulator.headers.map(\.name) == ["B", "A", "Content-Type"])
        #expect(accumulator.headers.map(\.value) == ["2", "1", "text/xml"])
        #expect(accumulator.contentType == "text/xml")
    }

    @Test func foldsContinuationLinesIntoThePreviousValue() {
        var accumulator = ResponseAccumulator(maxBodyBytes: 10)
        feed(["HTTP/1.1 200 OK\r\n", "X-Long: one\r\n", "\ttwo\r\n", "NoColonHere\r\n"], into: &accumulator)
        #expect(accumulator.headers.count == 1)
        #expect(accumulator.headers.first?.value == "one two")
    }

    @Test(
        arguments: [
            (["HTTP/1.1 200 OK\r\n"], 200),
            (["HTTP/1.1 404\r\n"], 404),
            (["HTTP/1.1 100 Continue\r\n", "\r\n"], nil),
            (["HTTP/1.1 100 Continue\r\n", "\r\n", "HTTP/1.1 204 No Content\r\n"], 204),
            (["HTTP/1.1 2x0 OK\r\n"], nil),
            (["HTTP/1.1 2000 OK\r\n"], nil),
            (["HTTP/1.1\r\n"], nil),
            ([String](), nil),
        ] as [([String], Int?)]
    )
    func remembersOnlyAFinalStatusLine(lines: [String], expected: Int?) {
        var accumulator = ResponseAccumulator(maxBodyBytes: 10)
        feed(lines, into: &accumulator)
        #expect(accumulator.finalStatus == expected)
    }

    @Test(arguments: [(0, [5], 0, true), (10, [4, 6], 10, false), (10, [4, 7], 10, true), (3, [2, 2], 3, true)])
    func cutsTheBodyAtTheCap(cap: Int, chunks: [Int], kept: Int, truncated: Bool) {
        var accumulator = ResponseAccumulator(maxBodyBytes: cap)
        for size in chunks {
            _ = [UInt8](repeating: 7, count: size).withUnsafeBytes { accumulator.bodyChunk($0) }
        }
        #expect(accumulator.body.count == kept)
        #expect(accumulator.truncated == truncated)
    }
}
