import Foundation
import Testing

/// The built `butlergate` binary, run as a child process with bounded waits.
struct Executable {
    /// `swift test` builds the executable next to the test bundle.
    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("butlergate")
    }

    /// Runs to completion (killed after `timeout`) and returns exit status, stdout and stderr.
    static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        timeout: Duration = .seconds(20)
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = Reader(output.fileHandleForReading)
        let errorData = Reader(error.fileHandleForReading)
        wait(for: process, timeout: timeout)
        return (process.terminationStatus, outputData.untilClosed(), errorData.untilClosed())
    }

    /// Waits for exit, killing the process when `timeout` passes first.
    static func wait(for process: Process, timeout: Duration) {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: timeout)
        while process.isRunning, clock.now < end { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// Drains a pipe on a background thread so the child never blocks on a full pipe.
final class Reader: @unchecked Sendable {
    // `lock` guards `data`.
    private let lock = NSLock()
    private var data = Data()
    private var closed = false

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                lock.lock()
                data.append(chunk)
                closed = chunk.isEmpty
                lock.unlock()
                if chunk.isEmpty { return }
            }
        }
    }

    func text() -> String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Everything the writer sent, once it closed its end (a process that exited may still have bytes in the
    /// pipe); what arrived so far if `timeout` passes first.
    func untilClosed(timeout: Duration = .seconds(5)) -> String {
        wait(timeout: timeout) { _ in
            lock.lock()
            defer { lock.unlock() }
            return closed
        }
    }

    /// Polls until `predicate` holds for the text so far, or `timeout` passes.
    func wait(timeout: Duration, until predicate: (String) -> Bool) -> String {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: timeout)
        while clock.now < end {
            let current = text()
            if predicate(current) { return current }
            usleep(20_000)
        }
        return text()
    }
}
