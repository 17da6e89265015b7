import Foundation

/// The task names one Plex server lists under `GET /butler`, read leniently from JSON or XML.
struct ButlerTaskList: Sendable, Equatable {
    /// Lowercased, because Plex does not document whether its names match case-sensitively.
    private let folded: Set<String>

    /// A list of these names; nil when there are none, since a real server always lists some.
    init?(names: some Sequence<String>) {
        let folded = Set(names.map { $0.lowercased() })
        guard !folded.isEmpty else {
            return nil
        }
        self.folded = folded
    }

    /// Reads a `GET /butler` body; nil when it is neither a task list in JSON nor in XML.
    init?(body: [UInt8]) {
        switch body.first(where: { ![9, 10, 13, 32].contains($0) }) {
        case UInt8(ascii: "{"):
            self.init(names: Self.jsonNames(body))
        case UInt8(ascii: "<"):
            self.init(names: Self.xmlNames(String(decoding: body, as: UTF8.self)))
        default:
            return nil
        }
    }

    /// How many tasks the server lists.
    var count: Int { folded.count }

    /// Whether the server lists `task`, ignoring case so that a doubt never reads as "unknown".
    func contains(_ task: String) -> Bool {
        folded.contains(task.lowercased())
    }

    /// Names from `{"ButlerTasks":{"ButlerTask":[...]}}`, optionally inside a `MediaContainer`.
    static func jsonNames(_ body: [UInt8]) -> [String] {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return []
        }
        let container = root["MediaContainer"] as? [String: Any] ?? root
        let tasks = (container["ButlerTasks"] as? [String: Any])?["ButlerTask"]
        // A converter from XML may turn a one-element list into a bare object.
        let entries = tasks as? [[String: Any]] ?? (tasks as? [String: Any]).map { [$0] } ?? []
        return entries.compactMap { $0["name"] as? String }
    }

    /// The `name` attributes of every `<ButlerTask .../>` element.
    static func xmlNames(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<ButlerTask") {
            rest = rest[open.upperBound...]
            // `<ButlerTasks>` is the container, not an element of the list.
            guard let next = rest.first, next.isWhitespace || next == "/" || next == ">" else {
                continue
            }
            let tag = rest.prefix { $0 != ">" }
            if let name = attribute("name", in: tag) {
                names.append(name)
            }
        }
        return names
    }

    /// The value of one attribute in a tag's text, single- or double-quoted.
    private static func attribute(_ name: String, in tag: Substring) -> String? {
        var rest = tag
        while let found = rest.range(of: name + "=") {
            let before = rest[..<found.lowerBound].last
            rest = rest[found.upperBound...]
            guard before?.isWhitespace == true, let quote = rest.first, quote == "\"" || quote == "'" else {
                continue
            }
            let value = rest.dropFirst().prefix { $0 != quote }
            return String(value)
        }
        return nil
    }
}
