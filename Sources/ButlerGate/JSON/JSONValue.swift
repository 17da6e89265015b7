/// A JSON value whose objects keep their member order, so parsed documents report paths in the order written
/// and rendered bodies and log lines are stable.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    /// A number written with a fraction or an exponent, or an integer outside the `Int` range.
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Equal when the rendered texts are equal (member order counts).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered == rhs.rendered
    }
}

extension JSONValue {
    /// A JSON array of strings.
    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }

    /// Whether two member names are the same scalars.
    ///
    /// Swift's `==` also matches canonically equivalent spellings (a Kelvin sign for `K`); the parser's duplicate
    /// check does not, so lookups must not either, or a look-alike key could stand in for a checked one.
    static func sameKey(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// The value of the member named exactly `key` among `members`.
    static func member(_ key: String, in members: [(String, JSONValue)]) -> JSONValue? {
        members.first { sameKey($0.0, key) }?.1
    }
}
