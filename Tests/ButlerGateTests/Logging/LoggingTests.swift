import Glibc
import Testing

@testable import ButlerGate

struct LoggingTests {
    @Test func eventsBelowTheLevelAreNotEvenBuilt() {
        let recorder = RecordingLogHandler()
        let logger = Logger(handler: recorder, level: .info)
        var built = false
        logger.debug(
            {
                built = true; return "hidden"
            }()
        )
        logger.info("shown")
        #expect(!built)
        #expect(recorder.recorded.map(\.message) == ["shown"])
    }

    @Test func copiesCarryTheirOwnMetadata() {
        let recorder = RecordingLogHandler()
        let base = Logger(handler: recorder)
        let scoped = base.with("request.id", "r1")
        scoped.info("a", metadata: ["http.status": 200])
        base.info("b")
        #expect(recorder.recorded[0].metadata == ["request.id": "r1", "http.status": 200])
        #expect(recorder.recorded[1].metadata.isEmpty)
    }

    @Test func jsonLineIsOneEscapedLineWithSortedKeys() {
        let event = LogEvent(timeMs: 0, level: .warning, message: "a\nb \"c\"", metadata: ["z": 1, "a.b": "x\u{1}"])
        let line = LogLineFormatter(format: .json).line(for: event)
        let expected =
            #"{"time":"1970-01-01T00:00:00.000Z","level":"warning","msg":"a\nb \"c\"","#
            + #""a.b":"x\u0001","z":1}"# + "\n"
        #expect(line == expected)
    }

    @Test func textLineQuotesOnlyWhatNeedsIt() {
        let event = LogEvent(timeMs: 1_700_000_000_123, level: .info, message: "started", metadata: ["path": "/a b"])
        let line = LogLineFormatter(format: .text).line(for: event)
        #expect(line == #"time=2023-11-14T22:13:20.123Z level=info msg=started path="/a b""# + "\n")
    }
}

extension LoggingTests {
    @Test func stderrHandlerWritesWholeLinesAtOnceFromManyThreads() async throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let handler = StderrLogHandler(format: .json, fileDescriptor: ends[1])
        let logger = Logger(handler: handler)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for line in 0..<25 {
                        logger.info("line", metadata: ["task": .int(task), "n": .int(line)])
                    }
                }
            }
        }
        close(ends[1])
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            guard count > 0 else { break }
            output += buffer.prefix(count)
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 200)
        #expect(lines.allSatisfy { $0.hasPrefix(#"{"time":"#) && $0.hasSuffix("}") })
    }
}
