import Foundation
import GateHTTP

extension HTTPResponse {
    /// The body parsed as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The problem `code`, or nil for a non-problem body.
    var problemCode: String? {
        json["code"] as? String
    }

    /// Per-server outcomes of a stop result, in order.
    var serverOutcomes: [String] {
        (json["servers"] as? [[String: Any]] ?? []).compactMap { $0["outcome"] as? String }
    }

    /// Server names of a stop result, in order.
    var serverNames: [String] {
        (json["servers"] as? [[String: Any]] ?? []).compactMap { $0["server"] as? String }
    }

    var text: String {
        String(decoding: body, as: UTF8.self)
    }
}
