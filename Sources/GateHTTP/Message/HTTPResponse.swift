/// A response for the server to write; `Content-Length` and `Date` are added by the writer.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Close the connection once this response is written.
    public var closesConnection: Bool
    /// Close the connection without writing anything (a fault for simulated servers).
    public var dropsConnection: Bool

    public init(
        status: Int,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        closesConnection: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closesConnection = closesConnection
        self.dropsConnection = false
    }

    /// A response that is never written: the connection is closed instead.
    public static var drop: HTTPResponse {
        var response = HTTPResponse(status: 0)
        response.dropsConnection = true
        return response
    }
}
