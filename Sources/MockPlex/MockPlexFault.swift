/// A misbehaviour the simulated server can be told to show.
public enum MockPlexFault: Sendable, Equatable {
    /// Answer normally, after a pause.
    case delay(Duration)
    /// Never answer; the request stays open until the server shuts down or the client gives up.
    case hang
    /// Close the connection without writing a response.
    case closeWithoutAnswer
    /// Answer with this status and Plex's JSON error body.
    case status(Int)
    /// Answer with this status and an HTML page, as some Plex builds and proxies do.
    case html(Int)
}
