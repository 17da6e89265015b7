extension JSONValue {
    /// The compact JSON text of this value.
    public var rendered: String {
        var output = ""
        write(to: &output)
        return output
    }

    /// The UTF-8 bytes of `rendered`, as an HTTP body.
    public var bytes: [UInt8] { Array(rendered.utf8) }

    /// Appends the JSON text of this value to `output`.
    func write(to output: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .int(let number): output += String(number)
        // JSON has no infinity or NaN; only values built in code can hold them, and null is the usual stand-in.
        case .double(let number): output += number.isFinite ? number.description : "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// Escapes quotes, backslashes and every control character, so no input can break a line or a document.
    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Most strings (names, ids, phrases) need no escape: one byte scan, then one append.
        // 0xE2 leads the UTF-8 of U+2028 and U+2029, so it sends a string down the careful path.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
