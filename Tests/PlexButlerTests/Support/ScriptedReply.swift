/// What the scripted server does with each complete request it receives.
enum ScriptedReply: Sendable {
    /// Writes these bytes and keeps the connection open for the next request.
    case respond(String)
    /// Writes these bytes, then closes the connection.
    case respondAndClose(String)
    /// Closes the connection without a byte.
    case close
    /// Aborts the connection with a TCP reset.
    case reset
    /// Never answers; the connection stays open until the server stops.
    case hang
    /// Writes `head` at once, then `rest` one byte per `every`, keeping the connection open.
    case drip(String, then: String, every: Duration)

    /// A well-formed keep-alive HTTP/1.1 response with a correct Content-Length.
    static func http(_ status: Int, _ reason: String, headers: [String] = [], body: String = "") -> ScriptedReply {
        .respond(raw(status, reason, headers: headers, body: body))
    }

    /// The raw text of a response with a correct Content-Length.
    static func raw(_ status: Int, _ reason: String, headers: [String] = [], body: String = "") -> String {
        let fields = headers + ["Content-Length: \(body.utf8.count)"]
        return "HTTP/1.1 \(status) \(reason)\r\n" + fields.map { $0 + "\r\n" }.joined() + "\r\n" + body
    }
}
