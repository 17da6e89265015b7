import Glibc

/// A value-type logger in the shape of swift-log: copy it and add metadata for a narrower scope.
public struct Logger: Sendable {
    /// Events below this level are dropped before their message is built.
    public var level: LogLevel
    /// Attached to every event this logger writes.
    public var metadata: LogMetadata
    private let handler: any LogHandler

    /// A logger writing to `handler`.
    public init(handler: any LogHandler, level: LogLevel = .info, metadata: LogMetadata = [:]) {
        self.handler = handler
        self.level = level
        self.metadata = metadata
    }

    /// Reads or sets one metadata entry of this copy.
    public subscript(metadataKey key: String) -> LogValue? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// A copy that adds `value` under `key` to every event.
    public func with(_ key: String, _ value: LogValue) -> Logger {
        var copy = self
        copy.metadata[key] = value
        return copy
    }

    /// Writes an event when `level` is enabled; the message and metadata are built only then.
    public func log(
        _ level: LogLevel,
        _ message: @autoclosure () -> String,
        metadata extra: @autoclosure () -> LogMetadata = [:]
    ) {
        guard level >= self.level else { return }
        let merged = metadata.merging(extra()) { _, new in new }
        handler.write(LogEvent(timeMs: Self.nowMs(), level: level, message: message(), metadata: merged))
    }

    /// Writes at `trace`.
    public func trace(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.trace, message(), metadata: metadata())
    }

    /// Writes at `debug`.
    public func debug(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.debug, message(), metadata: metadata())
    }

    /// Writes at `info`: lifecycle events only.
    public func info(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.info, message(), metadata: metadata())
    }

    /// Writes at `warning`.
    public func warning(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.warning, message(), metadata: metadata())
    }

    /// Writes at `error`.
    public func error(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:]) {
        log(.error, message(), metadata: metadata())
    }

    /// Wall-clock milliseconds since the epoch.
    static func nowMs() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
