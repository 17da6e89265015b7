/// A location in the config document, printed as `servers[1].timeoutMs`.
struct ConfigPath: Sendable, Equatable, CustomStringConvertible {
    /// The document itself.
    static let root = ConfigPath(description: "")

    /// The path as printed.
    let description: String

    /// The path the parser reported, e.g. for a duplicate key.
    init(_ steps: [JSONPathStep]) {
        self = steps.reduce(.root) { path, step in
            switch step {
            case .key(let name): path.key(name)
            case .index(let index): path.index(index)
            }
        }
    }

    private init(description: String) {
        self.description = description
    }

    /// The member `name` of the object at this path.
    func key(_ name: String) -> ConfigPath {
        let plain =
            !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-")
            }
        if plain {
            return ConfigPath(description: description.isEmpty ? name : "\(description).\(name)")
        }
        // Odd keys are quoted and escaped so a stray control character cannot garble the report.
        let shown = String(reflecting: String(name.prefix(64)))
        return ConfigPath(description: "\(description)[\(shown)]")
    }

    /// The element `index` of the list at this path.
    func index(_ index: Int) -> ConfigPath {
        ConfigPath(description: "\(description)[\(index)]")
    }
}
