/// One step from a document's root towards a value: a member name or a list position.
enum JSONPathStep: Sendable, Equatable {
    case key(String)
    case index(Int)
}
