import Dispatch
import Foundation

/// Runs a whole batch: reads complaints as a stream, checks them in chunks on every core, and
/// hands each result to `deliver` in input order — so memory holds one chunk, not the batch.
public struct CheckSession: Sendable {
    public let checker: Checker
    public var map: ColumnMap
    public var limits: InputLimits
    /// Complaints checked together; each chunk is split across the cores.
    public var chunkSize = 2048
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(checker: Checker, map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) {
        self.checker = checker
        self.map = map
        self.limits = limits
    }

    /// Checks everything under `paths`; returns the input problems and the files skipped.
    public func run(paths: [String], progress: ((Int) -> Void)? = nil,
                    deliver: (String, ComplaintResult) -> Void) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        var pending: [(String, Complaint)] = []
        var done = 0
        func flush() {
            guard !pending.isEmpty else { return }
            let results = checkInParallel(pending.map(\.1))
            for (index, result) in results.enumerated() { deliver(pending[index].0, result) }
            done += pending.count
            pending.removeAll(keepingCapacity: true)
            progress?(done)
        }
        let outcome = TimelineBatch.forEachComplaint(paths: paths, map: map, limits: limits) { file, complaint in
            pending.append((file, complaint))
            if pending.count >= chunkSize { flush() }
        }
        flush()
        return outcome
    }

    /// Checks complaints on `workers` threads; results in the same order.
    public func checkInParallel(_ complaints: [Complaint]) -> [ComplaintResult] {
        guard workers > 1, complaints.count > 64 else { return complaints.map(checker.check) }
        let slots = ResultSlots(count: complaints.count)
        let checker = self.checker, workers = self.workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < complaints.count {
                slots.set(index, checker.check(complaints[index]))
                index += workers
            }
        }
        return slots.values
    }
}

/// Fixed slots that worker threads fill at disjoint indices (raw memory, so no copy-on-write
/// check races between threads); read only after every worker has finished.
private final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<ComplaintResult?>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ index: Int, _ value: ComplaintResult) { storage[index] = value }
    var values: [ComplaintResult] { (0..<count).map { storage[$0]! } }
}
