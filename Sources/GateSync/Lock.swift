import Glibc

/// A pthread mutex; preferred over `Synchronization.Mutex`, which gives false ThreadSanitizer reports here.
public final class Lock: @unchecked Sendable {
    // The mutex lives at a stable heap address, as pthread requires, and is touched only through pthread calls.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// An unlocked mutex.
    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the mutex held.
    @inline(__always)
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }

    @inline(__always)
    fileprivate func lock() {
        pthread_mutex_lock(mutex)
    }

    @inline(__always)
    fileprivate func unlock() {
        pthread_mutex_unlock(mutex)
    }
}

/// A value guarded by a `Lock`; the only way to reach it is `withLock`.
public final class Locked<Value>: @unchecked Sendable {
    // `value` is only read or written inside `lock.withLock`.
    private let lock = Lock()
    private var value: Value

    /// Wraps `value` behind a new mutex.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        // Locked directly rather than through a closure, so the access to `value` begins and ends under the mutex
        // as ThreadSanitizer sees it too.
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
