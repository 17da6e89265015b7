import GateSync
import Glibc

/// Writes each event to standard error as one line, straight to the descriptor so nothing waits in a buffer.
public struct StderrLogHandler: LogHandler {
    /// One lock for every instance: lines from different handlers must not interleave either.
    private static let writeLock = Lock()
    private let formatter: LogLineFormatter
    private let fileDescriptor: Int32

    /// A handler writing lines in `format` to standard error.
    public init(format: LoggingConfig.Format = .json) {
        self.init(format: format, fileDescriptor: 2)
    }

    /// A handler writing to another descriptor, so tests can read the lines from a pipe.
    init(format: LoggingConfig.Format, fileDescriptor: Int32) {
        formatter = LogLineFormatter(format: format)
        self.fileDescriptor = fileDescriptor
    }

    public func write(_ event: LogEvent) {
        let bytes = Array(formatter.line(for: event).utf8)
        Self.writeLock.withLock {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}
