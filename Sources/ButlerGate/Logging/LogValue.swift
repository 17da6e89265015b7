/// One metadata value of a log event.
public enum LogValue: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral
{
    case string(String)
    case int(Int)

    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public init(integerLiteral value: Int) {
        self = .int(value)
    }

    public var description: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        }
    }

    /// The value as it appears in a JSON line.
    var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        }
    }
}

/// Metadata of a log event, keyed by dotted names such as `request.id`.
public typealias LogMetadata = [String: LogValue]
