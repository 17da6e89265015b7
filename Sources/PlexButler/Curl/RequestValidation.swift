/// Checks a request before it reaches curl, so nothing curl would refuse or misread is sent.
enum RequestValidation {
    /// The reason a request cannot be sent, or nil when it can.
    static func problem(in request: UpstreamRequest) -> UpstreamFailure? {
        let url = request.url.lowercased()
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            return UpstreamFailure(.unreachable, "unsupported URL scheme")
        }
        guard isToken(request.method) else {
            return UpstreamFailure(.unreachable, "invalid request method")
        }
        // A CR or LF in a value would let it add header lines of its own.
        let headersValid = request.headers.allSatisfy { header in
            isToken(header.name) && !header.value.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
        }
        guard headersValid else {
            return UpstreamFailure(.unreachable, "invalid request header")
        }
        if let address = request.resolveTo, address.isEmpty || address.contains(where: { $0 == "," || $0 == " " }) {
            return UpstreamFailure(.unreachable, "invalid resolve address")
        }
        return nil
    }

    /// RFC 9110 `token`: the characters allowed in methods and field names.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    true
                default:
                    "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }
}
