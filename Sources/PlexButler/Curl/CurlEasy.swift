import CCurl

/// A curl easy handle, configured for one transfer at a time and reused by the engine thread.
///
/// All unsafe pointer work for easy handles lives here: options, lists, and the C callbacks.
final class CurlEasy {
    /// The C handle; also the engine's key for finding the transfer it serves.
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var resolveList: UnsafeMutablePointer<curl_slist>?

    /// A fresh handle, or nil when curl is out of memory.
    init?() {
        guard let handle = curl_easy_init() else {
            return nil
        }
        self.handle = handle
    }

    deinit {
        freeLists()
        curl_easy_cleanup(handle)
    }

    /// Sets every option for `transfer`; the transfer must outlive the handle's use of it.
    func prepare(for transfer: CurlTransfer) -> UpstreamFailure? {
        let request = transfer.request
        var codes = [
            bg_curl_setopt_string(handle, CURLOPT_URL, request.url),
            bg_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            // Plex sits on the LAN; a proxy from the environment would also see every token.
            bg_curl_setopt_string(handle, CURLOPT_PROXY, ""),
            bg_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            bg_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, transfer.timeoutMs),
            bg_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, transfer.timeoutMs),
            bg_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            bg_curl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1)),
        ]
        codes += setMethodAndBody(request)
        codes += setTLS(request.tls)
        codes += setHeaderList(request)
        if let address = request.resolveTo {
            guard let entry = Self.resolveEntry(url: request.url, address: address) else {
                return UpstreamFailure(.unreachable, "invalid URL")
            }
            resolveList = curl_slist_append(nil, entry)
            codes.append(bg_curl_setopt_slist(handle, CURLOPT_RESOLVE, resolveList))
        }
        codes += setCallbacks(transfer)
        guard codes.allSatisfy({ $0 == CURLE_OK }) else {
            return UpstreamFailure(.unreachable, "request could not be prepared")
        }
        return nil
    }

    /// The final response's status code, or 0 when none arrived.
    func responseStatus() -> Int {
        var status = 0
        _ = bg_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }

    /// Clears every option and list so the handle can serve another transfer.
    func reset() {
        curl_easy_reset(handle)
        freeLists()
    }

    private func setMethodAndBody(_ request: UpstreamRequest) -> [CURLcode] {
        let method = request.method
        if method == "HEAD" {
            return [bg_curl_setopt_long(handle, CURLOPT_NOBODY, 1)]
        }
        guard Self.sendsBody(request) else {
            return method == "GET"
                ? [bg_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)]
                : [bg_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)]
        }
        // The size goes first so curl copies exactly that many bytes, NULs included.
        var codes = [bg_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count)]
        codes.append(
            request.body.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else {
                    return bg_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                }
                return bg_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            }
        )
        if method != "POST" {
            codes.append(bg_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
        }
        return codes
    }

    private func setTLS(_ tls: UpstreamTLS) -> [CURLcode] {
        var codes: [CURLcode] = []
        if let caFile = tls.caFile {
            codes.append(bg_curl_setopt_string(handle, CURLOPT_CAINFO, caFile))
        }
        if let pin = tls.pinnedPublicKey {
            codes.append(bg_curl_setopt_string(handle, CURLOPT_PINNEDPUBLICKEY, pin))
        }
        // A pin without a CA file stands in for the chain and the name: it is how a self-signed or bare-IP
        // Plex certificate is trusted. curl still checks CURLOPT_PINNEDPUBLICKEY with verification off.
        let pinReplacesVerification = tls.pinnedPublicKey != nil && tls.caFile == nil
        if tls.insecureSkipVerify || pinReplacesVerification {
            codes.append(bg_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0))
            codes.append(bg_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0))
        }
        return codes
    }

    private func setHeaderList(_ request: UpstreamRequest) -> [CURLcode] {
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            // "Name;" is curl's spelling for a field with an empty value ("Name:" would remove it).
            let line = header.value.isEmpty ? header.name + ";" : header.name + ": " + header.value
            list = curl_slist_append(list, line)
        }
        if Self.sendsBody(request) {
            // Drop curl's own additions: a 100-continue round trip and a form content type.
            list = curl_slist_append(list, "Expect:")
            if !request.headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                list = curl_slist_append(list, "Content-Type:")
            }
        }
        headerList = list
        return [bg_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)]
    }

    private func setCallbacks(_ transfer: CurlTransfer) -> [CURLcode] {
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        return [
            bg_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                let accepted = transfer.response.bodyChunk(UnsafeRawBufferPointer(start: data, count: size * count))
                return accepted ? size * count : 0
            },
            bg_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            bg_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                transfer.response.headerLine(UnsafeRawBufferPointer(start: data, count: size * count))
                return size * count
            },
            bg_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
        ]
    }

    /// Whether a body goes out: any non-empty one, and an empty one where the method implies a body.
    private static func sendsBody(_ request: UpstreamRequest) -> Bool {
        !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method)
    }

    private func freeLists() {
        curl_slist_free_all(headerList)
        curl_slist_free_all(resolveList)
        headerList = nil
        resolveList = nil
    }

    /// `host:port:address` for `CURLOPT_RESOLVE`, with the port from the URL or its scheme's default.
    static func resolveEntry(url: String, address: String) -> String? {
        guard let parsed = curl_url() else {
            return nil
        }
        defer { curl_url_cleanup(parsed) }
        guard curl_url_set(parsed, CURLUPART_URL, url, 0) == CURLUE_OK else {
            return nil
        }
        var host: UnsafeMutablePointer<CChar>?
        var port: UnsafeMutablePointer<CChar>?
        defer {
            curl_free(host)
            curl_free(port)
        }
        guard curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK,
            curl_url_get(parsed, CURLUPART_PORT, &port, UInt32(CURLU_DEFAULT_PORT)) == CURLUE_OK,
            let host, let port
        else {
            return nil
        }
        let target = address.contains(":") && !address.hasPrefix("[") ? "[\(address)]" : address
        return String(cString: host) + ":" + String(cString: port) + ":" + target
    }
}
