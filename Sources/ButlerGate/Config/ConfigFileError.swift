/// Why a file named by the config (or the config itself) could not be read.
public enum ConfigFileError: Error, Sendable, Equatable {
    case notFound
    case isDirectory
    case notReadable
    case tooLarge(limit: Int)

    /// A stable code for scripts and tests.
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .isDirectory: "is_directory"
        case .notReadable: "not_readable"
        case .tooLarge: "too_large"
        }
    }

    /// The reason as a short phrase, e.g. `does not exist`.
    public var reason: String {
        switch self {
        case .notFound: "does not exist"
        case .isDirectory: "is a directory"
        case .notReadable: "is not readable by this user"
        case .tooLarge(let limit): "is larger than \(limit) bytes"
        }
    }

}
