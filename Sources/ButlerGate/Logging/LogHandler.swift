/// One log event, as handed to a handler.
public struct LogEvent: Sendable {
    /// Wall-clock time, milliseconds since the Unix epoch.
    public var timeMs: Int64
    /// Severity.
    public var level: LogLevel
    /// A fixed phrase; variable parts go in metadata.
    public var message: String
    /// Dotted keys, e.g. `request.id`.
    public var metadata: LogMetadata
}

/// Where log events go; must be safe to call from any thread.
public protocol LogHandler: Sendable {
    /// Writes one event; the level has already been checked.
    func write(_ event: LogEvent)
}
