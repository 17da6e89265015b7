/// Typed access to one JSON object of the config; every wrong type, missing or unknown key becomes a problem.
struct ConfigObject {
    /// Where this object sits in the document.
    let path: ConfigPath
    /// Its members in document order; the parser has already refused duplicate names.
    let members: [(String, JSONValue)]
    /// Where its problems go.
    let sink: ConfigProblemSink

    /// Reads `value` as an object, or reports its type and returns nil.
    init?(_ value: JSONValue, at path: ConfigPath, sink: ConfigProblemSink) {
        guard case .object(let members) = value else {
            sink.wrongType(path, expected: "an object", got: value)
            return nil
        }
        self.path = path
        self.members = members
        self.sink = sink
    }

    /// Reports every key not in `known`, in document order, with a hint when it looks like a typo of one.
    func allowOnly(_ known: [String]) {
        for (key, _) in members where !known.contains(where: { JSONValue.sameKey($0, key) }) {
            sink.error(path.key(key), ConfigSpelling.withHint("unknown key", for: key, among: known))
        }
    }

    /// Whether `key` is written at all, even as `null`.
    func has(_ key: String) -> Bool {
        JSONValue.member(key, in: members) != nil
    }

    /// The value of `key`; a JSON `null` counts as absent. A missing required key is reported.
    func value(_ key: String, required: Bool = false) -> JSONValue? {
        guard let value = JSONValue.member(key, in: members), value != .null else {
            if required { sink.error(path.key(key), "required key is missing") }
            return nil
        }
        return value
    }

    /// A string member, or nil when absent or of another type (reported).
    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let text) = value else {
            sink.wrongType(path.key(key), expected: "a string", got: value)
            return nil
        }
        return text
    }

    /// A whole number in `range`, or `fallback` when absent or invalid (reported).
    func integer(_ key: String, in range: ClosedRange<Int>, default fallback: Int) -> Int {
        guard let value = value(key) else { return fallback }
        guard case .int(let number) = value else {
            let bounds = "between \(range.lowerBound) and \(range.upperBound)"
            if case .double(let number) = value {
                // Past Int's range the parser keeps a Double; say so rather than call 1e300 "not whole".
                let outside = abs(number) >= 0x1p63
                sink.error(
                    path.key(key),
                    outside
                        ? "number out of range; must be \(bounds)"
                        : "must be a whole number \(bounds), written without a fraction or exponent"
                )
            } else {
                sink.wrongType(path.key(key), expected: "a whole number", got: value)
            }
            return fallback
        }
        guard range.contains(number) else {
            sink.error(path.key(key), "must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
            return fallback
        }
        return number
    }

    /// A boolean member, or `fallback` when absent or of another type (reported).
    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = value(key) else { return fallback }
        guard case .bool(let flag) = value else {
            sink.wrongType(path.key(key), expected: "true or false", got: value)
            return fallback
        }
        return flag
    }

    /// A list member, or nil when absent or of another type (reported).
    func list(_ key: String, required: Bool = false) -> [JSONValue]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .array(let items) = value else {
            sink.wrongType(path.key(key), expected: "a list", got: value)
            return nil
        }
        return items
    }

    /// A list of strings with each element's path; elements of another type are reported and left out.
    func strings(_ key: String) -> [(path: ConfigPath, text: String)]? {
        guard let items = list(key) else { return nil }
        return items.enumerated().compactMap { index, item in
            guard case .string(let text) = item else {
                sink.wrongType(path.key(key).index(index), expected: "a string", got: item)
                return nil
            }
            return (path.key(key).index(index), text)
        }
    }

    /// A nested object, or nil when absent or of another type (reported).
    func object(_ key: String, required: Bool = false) -> ConfigObject? {
        guard let value = value(key, required: required) else { return nil }
        return ConfigObject(value, at: path.key(key), sink: sink)
    }
}
