import Glibc

/// Writes each event to standard error as one line, straight to fd 2 so nothing waits in a buffer.
public struct StderrLogHandler: LogHandler {
    /// One lock for every instance: lines from different handlers must not interleave either.
    private static let writeLock = Locked(())
    private let formatter: LogLineFormatter

    /// A handler writing lines in `format`.
    public init(format: LoggingConfig.Format = .json) {
        formatter = LogLineFormatter(format: format)
    }

    public func write(_ event: LogEvent) {
        let bytes = Array(formatter.line(for: event).utf8)
        Self.writeLock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
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
