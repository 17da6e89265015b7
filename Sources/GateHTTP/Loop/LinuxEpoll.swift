import CLinux
import Glibc

/// An epoll instance plus the eventfd that wakes it; the only epoll/eventfd code in the module.
final class LinuxEpoll {
    /// The token reserved for the wake-up eventfd.
    static let wakeToken = UInt64.max

    let fd: Int32
    let wakeFD: Int32
    private var events: [epoll_event]

    init(capacity: Int = 256) throws(HTTPServerError) {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        events = Array(repeating: epoll_event(), count: capacity)
        guard fd >= 0, wakeFD >= 0 else {
            throw HTTPServerError(.eventLoopFailed, "epoll/eventfd: \(LinuxSystem.errnoText())")
        }
        add(wakeFD, token: Self.wakeToken, edgeTriggered: false, writable: false)
    }

    deinit {
        close(wakeFD)
        close(fd)
    }

    /// Registers `socket`; connections use edge-triggered read+write interest, listeners level-triggered reads.
    @discardableResult
    func add(_ socket: Int32, token: UInt64, edgeTriggered: Bool, writable: Bool) -> Bool {
        var mask = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
        if writable { mask |= EPOLLOUT.rawValue }
        if edgeTriggered { mask |= EPOLLET.rawValue }
        var event = epoll_event(events: mask, data: epoll_data_t(u64: token))
        return epoll_ctl(fd, EPOLL_CTL_ADD, socket, &event) == 0
    }

    /// Unregisters `socket` (before it is closed).
    func remove(_ socket: Int32) {
        epoll_ctl(fd, EPOLL_CTL_DEL, socket, nil)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and hands each event to `handle`.
    func wait(timeoutMilliseconds: Int32, _ handle: (LinuxSystem.Event) -> Void) {
        let count = events.withUnsafeMutableBufferPointer {
            epoll_wait(fd, $0.baseAddress, Int32($0.count), timeoutMilliseconds)
        }
        guard count > 0 else { return }
        for index in 0..<Int(count) {
            let bits = events[index].events
            let error = bits & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0
            handle(
                LinuxSystem.Event(
                    token: events[index].data.u64,
                    readable: bits & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 || error,
                    writable: bits & EPOLLOUT.rawValue != 0 || error,
                    hangup: error
                )
            )
        }
    }

    /// Wakes a `wait` in progress from any thread.
    func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    /// Clears pending wake-ups.
    func drainWake() {
        var value: UInt64 = 0
        _ = Glibc.read(wakeFD, &value, 8)
    }
}
