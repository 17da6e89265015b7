@testable import PlexButler

/// Scripted servers that answer the two Butler calls the client makes.
enum ScriptedPlex {
    /// A task list in Plex's JSON shape.
    static func json(_ names: [String]) -> ScriptedReply {
        let entries = names.map { #"{"name":"\#($0)","interval":3,"enabled":true}"# }
        let body = #"{"ButlerTasks":{"ButlerTask":[\#(entries.joined(separator: ","))]}}"#
        return .http(200, "OK", headers: ["Content-Type: application/json"], body: body)
    }

    /// A server that answers `GET /butler` with `list` and every other request with `delete`.
    static func server(list: ScriptedReply, delete: ScriptedReply = .http(404, "Not Found")) throws -> ScriptedServer {
        try ScriptedServer { $0.hasPrefix("GET /butler HTTP/1.1\r\n") ? list : delete }
    }

    /// The request lines a scripted server received, in order.
    static func requestLines(_ server: ScriptedServer) -> [String] {
        server.recordedRequests.map { String($0.split(separator: "\r\n", maxSplits: 1).first ?? "") }
    }

    /// The request lines with back-to-back repeats merged: curl sends a request once more when a
    /// reused connection dies before answering, which tests of closing servers must not count.
    static func distinctRequestLines(_ server: ScriptedServer) -> [String] {
        requestLines(server).reduce(into: []) { lines, line in
            if lines.last != line {
                lines.append(line)
            }
        }
    }
}
