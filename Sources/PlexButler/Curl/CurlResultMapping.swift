import CCurl

/// Turns a finished curl transfer into the transport's result, with fixed phrases only.
///
/// curl's error buffer is never read: it can quote the URL or header text, and tokens must not leak.
enum CurlResultMapping {
    /// The result of a transfer that ended with `code` after receiving `status` (0 when none).
    static func result(
        code: UInt32,
        status: Int,
        response: ResponseAccumulator,
        timeoutMs: Int
    ) -> Result<UpstreamResponse, UpstreamFailure> {
        guard code == CURLE_OK.rawValue || answeredDespiteError(code: code, status: status, response: response) else {
            return .failure(failure(code: code, timeoutMs: timeoutMs))
        }
        guard (100..<1000).contains(status) else {
            return .failure(UpstreamFailure(.invalidResponse, "malformed HTTP response"))
        }
        let answer = UpstreamResponse(
            status: status,
            contentType: response.contentType,
            body: response.body,
            headers: response.headers,
            truncated: code != CURLE_OK.rawValue || response.truncated
        )
        return .success(answer)
    }

    /// The failure for a curl result code.
    static func failure(code: UInt32, timeoutMs: Int) -> UpstreamFailure {
        switch code {
        case CURLE_COULDNT_CONNECT.rawValue:
            UpstreamFailure(.unreachable, "connection refused")
        case CURLE_COULDNT_RESOLVE_HOST.rawValue, CURLE_COULDNT_RESOLVE_PROXY.rawValue:
            UpstreamFailure(.unreachable, "name resolution failed")
        case CURLE_SEND_ERROR.rawValue, CURLE_RECV_ERROR.rawValue, CURLE_PARTIAL_FILE.rawValue:
            UpstreamFailure(.unreachable, "connection reset")
        case CURLE_GOT_NOTHING.rawValue:
            UpstreamFailure(.unreachable, "connection closed without a response")
        case CURLE_OPERATION_TIMEDOUT.rawValue:
            UpstreamFailure(.timeout, "timed out after \(timeoutMs) ms")
        case CURLE_PEER_FAILED_VERIFICATION.rawValue:
            UpstreamFailure(.tls, "certificate verification failed")
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH.rawValue:
            UpstreamFailure(.tls, "pinned public key mismatch")
        case CURLE_SSL_CACERT_BADFILE.rawValue, CURLE_SSL_CRL_BADFILE.rawValue:
            UpstreamFailure(.tls, "CA file could not be loaded")
        case CURLE_SSL_CONNECT_ERROR.rawValue, CURLE_SSL_CERTPROBLEM.rawValue, CURLE_SSL_CIPHER.rawValue,
            CURLE_USE_SSL_FAILED.rawValue, CURLE_SSL_ENGINE_NOTFOUND.rawValue, CURLE_SSL_ENGINE_SETFAILED.rawValue,
            CURLE_SSL_ENGINE_INITFAILED.rawValue, CURLE_SSL_ISSUER_ERROR.rawValue,
            CURLE_SSL_INVALIDCERTSTATUS.rawValue, CURLE_SSL_CLIENTCERT.rawValue:
            UpstreamFailure(.tls, "TLS handshake failed")
        // A garbage status line reads as HTTP/0.9, which curl refuses as an unsupported protocol;
        // the scheme itself was checked before the transfer started.
        case CURLE_WEIRD_SERVER_REPLY.rawValue, CURLE_UNSUPPORTED_PROTOCOL.rawValue, CURLE_HTTP2.rawValue,
            CURLE_HTTP2_STREAM.rawValue, CURLE_HTTP3.rawValue:
            UpstreamFailure(.invalidResponse, "malformed HTTP response")
        default:
            UpstreamFailure(.unreachable, "transport error (curl code \(code))")
        }
    }

    /// Whether an error came after a usable status: Plex is classified by status, never by its body.
    private static func answeredDespiteError(code: UInt32, status: Int, response: ResponseAccumulator) -> Bool {
        guard status > 0 else {
            return false
        }
        switch code {
        case CURLE_WRITE_ERROR.rawValue:
            return response.truncated
        case CURLE_PARTIAL_FILE.rawValue, CURLE_BAD_CONTENT_ENCODING.rawValue:
            return true
        // A body dripping past the timeout, or a connection lost in it, does not undo what the status
        // line said; before a final one arrived it is still a timeout or a reset.
        case CURLE_OPERATION_TIMEDOUT.rawValue, CURLE_RECV_ERROR.rawValue:
            return response.finalStatus != nil
        default:
            return false
        }
    }
}
