import Glibc

/// Starts and joins the pthreads that run event loops (joinable, unlike Foundation's `Thread`).
enum LoopThread {
    private final class Entry {
        let body: @Sendable () -> Void

        init(_ body: @escaping @Sendable () -> Void) {
            self.body = body
        }
    }

    /// Runs `body` on a new joinable thread.
    static func start(_ body: @escaping @Sendable () -> Void) throws(HTTPServerError) -> pthread_t {
        var thread = pthread_t()
        let entry = Unmanaged.passRetained(Entry(body)).toOpaque()
        let result = pthread_create(
            &thread,
            nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<Entry>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            },
            entry
        )
        guard result == 0 else {
            Unmanaged<Entry>.fromOpaque(entry).release()
            throw HTTPServerError(.threadStartFailed, "pthread_create: \(LinuxSystem.errnoText(result))")
        }
        return thread
    }

    /// Waits for `thread` to end; a thread cannot join itself, so it is detached instead.
    static func join(_ thread: pthread_t) {
        if pthread_equal(thread, pthread_self()) != 0 {
            pthread_detach(thread)
        } else {
            pthread_join(thread, nil)
        }
    }
}
