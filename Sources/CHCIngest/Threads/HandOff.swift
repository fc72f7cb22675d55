import CHCModel
import Foundation

/// A bounded queue from one producing thread to one consuming thread, for batches of work (one
/// lock per batch). The producer waits while `capacity` batches are queued (so memory stays
/// bounded when it runs ahead); the consumer waits while none is. Cancelling drops what is
/// queued and releases the producer.
package final class HandOff<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [Element] = []
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    package init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Queues a batch (dropped when cancelled), waiting while the queue is full.
    package func put(_ batch: Element) {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity, !cancelled { condition.wait() }
        if !cancelled { batches.append(batch) }
        condition.broadcast()
    }

    /// No more batches will come.
    package func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; nil once the producer has finished and all were taken.
    package func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished, !cancelled { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// The consumer wants nothing more: the producer should stop.
    func cancel() {
        condition.lock()
        cancelled = true
        batches = []
        condition.broadcast()
        condition.unlock()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
