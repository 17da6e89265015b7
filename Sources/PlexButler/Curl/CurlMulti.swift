import CCurl

/// curl's process-wide setup; Swift runs a global's initialiser exactly once, on first use.
private let curlGlobalReady: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

/// A curl multi handle: the engine thread's event loop and its shared connection cache.
///
/// All unsafe pointer work for the multi interface lives here.
final class CurlMulti {
    private let handle: UnsafeMutableRawPointer

    /// A multi handle with a larger idle-connection cache, or nil when curl cannot start.
    init?() {
        guard curlGlobalReady, let handle = curl_multi_init() else {
            return nil
        }
        self.handle = handle
        // Idle keep-alive connections kept for reuse, beyond curl's default of a few per added handle.
        _ = bg_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, 256)
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    /// Starts driving `easy`; false if curl refused it.
    func add(_ easy: CurlEasy) -> Bool {
        curl_multi_add_handle(handle, easy.handle) == CURLM_OK
    }

    /// Stops driving `easy`, keeping its connection in the cache when it is reusable.
    func remove(_ easy: CurlEasy) {
        _ = curl_multi_remove_handle(handle, easy.handle)
    }

    /// Moves every transfer forward as far as it can go without blocking.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(handle, &running)
    }

    /// Sleeps until a socket is ready, curl's next timer, `timeoutMs`, or a `wakeup()`.
    func poll(timeoutMs: Int32) {
        _ = curl_multi_poll(handle, nil, 0, timeoutMs, nil)
    }

    /// Interrupts a `poll` from any thread; one that comes before the poll makes it return at once.
    func wakeup() {
        _ = curl_multi_wakeup(handle)
    }

    /// Hands every finished transfer's easy handle and result code to `body`.
    func drainFinished(_ body: (UnsafeMutableRawPointer, UInt32) -> Void) {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(handle, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else {
                continue
            }
            body(easy, message.pointee.data.result.rawValue)
        }
    }
}
