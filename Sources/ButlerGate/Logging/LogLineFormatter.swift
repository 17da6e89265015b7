import Glibc

/// Turns an event into one line of JSON or logfmt text, with metadata keys sorted.
public struct LogLineFormatter: Sendable {
    /// JSON or logfmt text.
    public var format: LoggingConfig.Format

    /// A formatter for `format`.
    public init(format: LoggingConfig.Format) {
        self.format = format
    }

    /// The line, newline included.
    public func line(for event: LogEvent) -> String {
        let time = Self.timestamp(event.timeMs)
        let keys = event.metadata.keys.sorted()
        switch format {
        case .json:
            var members: [(String, JSONValue)] = [
                ("time", .string(time)), ("level", .string(event.level.rawValue)), ("msg", .string(event.message)),
            ]
            members += keys.map { ($0, event.metadata[$0]!.json) }
            return JSONValue.object(members).rendered + "\n"
        case .text:
            var fields = ["time=\(time)", "level=\(event.level.rawValue)", "msg=\(Self.quoted(event.message))"]
            fields += keys.map { "\($0)=\(Self.quoted(event.metadata[$0]!.description))" }
            return fields.joined(separator: " ") + "\n"
        }
    }

    /// Quotes a logfmt value when it is empty or holds a space, quote, `=` or control character.
    static func quoted(_ value: String) -> String {
        let plain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != "=" && $0 != "\\"
            }
        return plain ? value : JSONValue.string(value).rendered
    }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ timeMs: Int64) -> String {
        var seconds = time_t(timeMs / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
        let clock = "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
        return "\(date)T\(clock).\(pad(Int32(timeMs % 1000), 3))Z"
    }
}
