import Foundation

/// Runs blocking client code on its own thread, so it never holds a Swift concurrency thread
/// that the server's responder tasks need (the pool is only as wide as the core count).
public func runBlocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.start()
    }
}
