import Glibc

/// The IMF-fixdate for the `Date` header, recomputed at most once per second per loop.
struct HTTPDate {
    private var second = -1
    private var cached: [UInt8] = []

    /// The current date as bytes, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    mutating func bytes() -> [UInt8] {
        let now = time(nil)
        if now == second { return cached }
        second = now
        var seconds = now
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 40)
        let length = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        cached = buffer[..<length].map { UInt8(bitPattern: $0) }
        return cached
    }
}
