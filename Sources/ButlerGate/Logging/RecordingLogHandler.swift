import GateSync

/// Keeps events in memory, for tests that check what was (and was not) logged.
public final class RecordingLogHandler: LogHandler {
    private let events = Locked<[LogEvent]>([])
    private let formatter = LogLineFormatter(format: .json)

    /// An empty recorder.
    public init() {}

    public func write(_ event: LogEvent) {
        events.withLock { $0.append(event) }
    }

    /// Every event so far, oldest first.
    public var recorded: [LogEvent] {
        events.withLock { $0 }
    }

    /// Every event so far as the JSON lines the stderr handler would write.
    public var lines: [String] {
        recorded.map { formatter.line(for: $0) }
    }
}
