import GateHTTP

/// The `Content-Type` of a request, read once for the body check.
enum ContentTypeField {
    /// The one `Content-Type` value, nil when absent; two or more fields are refused whatever the body,
    /// since intermediaries may each have honoured a different one.
    static func single(in headers: HTTPHeaders) throws(GatewayError) -> String? {
        let values = headers.values("Content-Type")
        guard values.count <= 1 else { throw .ambiguousContentType }
        return values.first
    }
}
