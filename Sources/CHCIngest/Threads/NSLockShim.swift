import CHCModel
import Foundation

/// A lock for the little state threads share: which complaint of a chunk is next, the next rule
/// serial.
package final class NSLockShim: @unchecked Sendable {
    private let lock = NSLock()

    package init() {}

    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
