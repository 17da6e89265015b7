/// One HTTP response as read off the wire by `RawClient`.
public struct RawResponse: Sendable {
    public var status: Int
    /// Header fields in arrival order, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// The first value of `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body decoded as UTF-8.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}

/// Why a `RawClient` operation failed.
public enum RawClientError: Error, Sendable, Equatable {
    case connectFailed(String)
    case tlsFailed(String)
    /// The deadline passed before the operation completed.
    case timeout
    /// The peer closed the connection before a complete response.
    case closed
    case malformedResponse(String)
}
