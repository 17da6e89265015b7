/// Where a connection is in its life; each state owns one deadline.
enum ConnectionState: Equatable {
    /// TLS handshake in progress (deadline: `tlsHandshake`).
    case handshaking
    /// Waiting for or reading a request head (deadline: `idle`, then `header` from the first byte).
    case readingHead
    /// Reading the body of the current request (deadline: `body`).
    case readingBody
    /// The responder is working on the request; nothing is read (no deadline).
    case awaitingResponder
    /// A response is being written (deadline: `idle`, to bound a stalled reader).
    case writing
    /// Our side is shut; unread input is drained briefly so the peer sees the response, not a reset.
    case closing
    /// The socket is closed.
    case closed
}

/// How the body of the current request is delimited.
enum BodyFraming {
    case length(remaining: Int)
    case chunked(ChunkedBodyDecoder)
}
