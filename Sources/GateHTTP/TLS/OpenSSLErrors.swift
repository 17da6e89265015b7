import COpenSSL

/// The OpenSSL thread-local error queue, rendered without key material.
enum OpenSSLErrors {
    /// Empties the queue and returns the first reason.
    static func drain() -> String {
        let code = ERR_get_error()
        clear()
        guard code != 0 else { return "unknown OpenSSL error" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Empties the queue, so the next SSL_get_error reflects only the next call.
    static func clear() {
        ERR_clear_error()
    }
}
