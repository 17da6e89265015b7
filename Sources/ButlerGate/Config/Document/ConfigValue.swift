import Foundation

/// A JSON value of the config document, typed exactly as written (`1` is an integer, `true` a bool).
enum ConfigValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([ConfigValue])
    case object([String: ConfigValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ConfigValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ConfigValue].self))
        }
    }

    /// The kind of value with its article, for "expected X, got Y" messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// Parses a document, or describes where its syntax breaks.
    static func parse(_ bytes: [UInt8]) -> Result<ConfigValue, ConfigSyntaxError> {
        let data = Data(bytes)
        if let value = try? JSONDecoder().decode(ConfigValue.self, from: data) {
            return .success(value)
        }
        // JSONDecoder says only "not valid JSON"; JSONSerialization names the offending offset.
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return .failure(ConfigSyntaxError(detail: "the document is not valid JSON", offset: nil, in: bytes))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
            return .failure(ConfigSyntaxError(detail: detail, offset: Self.offset(in: detail), in: bytes))
        }
    }

    /// The byte offset in a message like `Invalid value around character 15.`
    private static func offset(in detail: String) -> Int? {
        guard let range = detail.range(of: "character ") else { return nil }
        return Int(detail[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Where and why a config document is not JSON.
struct ConfigSyntaxError: Error, Sendable {
    /// `malformed JSON at line 3, column 17: ...`.
    var message: String

    init(detail: String, offset: Int?, in bytes: [UInt8]) {
        let cleaned = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
        guard let offset, offset <= bytes.count else {
            message = "malformed JSON: \(cleaned)"
            return
        }
        let before = bytes[..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        message = "malformed JSON at line \(line), column \(column): \(cleaned)"
    }
}
