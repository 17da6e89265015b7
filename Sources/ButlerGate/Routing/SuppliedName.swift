/// A task, server or group name as the caller sent it: readable text, or a path segment that is no name.
enum SuppliedName: Sendable, Equatable {
    /// Decoded text, still unchecked against the catalogue or the directory.
    case text(String)
    /// A path segment with a bad escape, a control character, invalid UTF-8 or over the length limit:
    /// it matches nothing, but the route around it is still recognised.
    case unreadable

    /// The text, or nil when unreadable.
    var text: String? {
        if case .text(let text) = self { text } else { nil }
    }
}
