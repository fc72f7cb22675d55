import Dispatch
import Foundation

/// Runs a whole batch as a stream, handing each result to `deliver` in input order, so memory
/// holds the complaints in flight, not the batch. One CSV event log is read, checked and
/// rendered by one thread per core, each owning a share of its complaints (`ParallelEventLog`).
/// Anything else (YAML, several files) is read on the calling thread and checked in chunks, the
/// previous chunk on another thread while the next is read, so both cores of a small machine
/// stay busy.
public struct CheckSession: Sendable {
    public let checker: Checker
    public var map: ColumnMap
    public var limits: InputLimits
    /// Complaints checked together, on a second thread while the next chunk is read.
    public var chunkSize = 2048
    /// Checking threads; with one, everything runs on the calling thread.
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(checker: Checker, map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) {
        self.checker = checker
        self.map = map
        self.limits = limits
    }

    /// Checks everything under `paths`; returns the input problems and the files skipped.
    public func run(paths: [String], progress: ((Int) -> Void)? = nil,
                    deliver: (String, ComplaintResult) -> Void) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        run(paths: paths, progress: progress, transform: { file, result in (file, result) }, deliver: { deliver($0.0, $0.1) })
    }

    /// As `run`, with `transform` applied to each result on the checking thread (e.g. rendering
    /// its output), so that the calling thread only reads input and writes what it is given.
    public func run<Output: Sendable>(paths: [String], progress: ((Int) -> Void)? = nil,
                                      transform: @escaping @Sendable (String, ComplaintResult) -> Output,
                                      deliver: (Output) -> Void) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        // One event log: read, checked and rendered by `workers` threads, each owning a share
        // of the complaints (`ParallelEventLog`).
        if let file = singleEventLog(paths) {
            let errors = runParallel(file, progress: progress, process: { _, checker in
                let file = file.unshared
                return { transform(file, checker.check($0)) }
            }, deliver: deliver)
            return (errors, [])
        }
        return runInChunks(paths: paths, progress: progress, transform: transform, deliver: deliver)
    }

    /// Checks everything under `paths` and folds each result into a total, for figures that do
    /// not depend on the order complaints come in (a report's sums). With one event log, each
    /// checking thread folds its share into its own copy of `initial`, and the copies are merged
    /// once all are done — nothing per complaint crosses threads. Returns the total, the input
    /// problems and the files skipped.
    public func fold<Total: Sendable>(paths: [String], progress: ((Int) -> Void)? = nil, into initial: Total,
                                      _ add: @escaping @Sendable (inout Total, ComplaintResult) -> Void,
                                      merge: (inout Total, Total) -> Void)
        -> (total: Total, errors: [InputError], skipped: [(file: String, reason: String)]) {
        guard let file = singleEventLog(paths) else {
            var total = initial
            let outcome = runInChunks(paths: paths, progress: progress, transform: { $1 }, deliver: { add(&total, $0) })
            return (total, outcome.errors, outcome.skipped)
        }
        let totals = (0..<workers).map { _ in Totals(initial) }
        let errors = runParallel(file, progress: progress, process: { shard, checker in
            let totals = totals[shard]
            return { add(&totals.value, checker.check($0)) }
        }, deliver: { _ in })
        var total = totals[0].value
        for other in totals.dropFirst() { merge(&total, other.value) }
        return (total, errors, [])
    }

    /// Checks one event log on `workers` threads (`ParallelEventLog`). Each thread gets its own
    /// copy of the checker (`Checker.replica`) and makes with it the function that turns its
    /// complaints into outputs; `deliver` gets them in order on this thread.
    private func runParallel<Output: Sendable>(_ file: String, progress: ((Int) -> Void)?,
                                               process: @escaping @Sendable (Int, Checker) -> (Complaint) -> Output,
                                               deliver: (Output) -> Void) -> [InputError] {
        let checker = self.checker
        var done = 0
        let errors = ParallelEventLog.run(path: file, map: map, limits: limits, workers: workers,
                                          process: { shard in process(shard, checker.replica()) }) { output in
            deliver(output)
            done += 1
            if done % chunkSize == 0 { progress?(done) }
        }
        progress?(done)
        return errors
    }

    /// The one CSV event log named, when that is the whole batch and there are cores to share
    /// it: then `ParallelEventLog` checks it.
    private func singleEventLog(_ paths: [String]) -> String? {
        var errors: [InputError] = []
        let files = TimelineBatch.expand(paths, errors: &errors)
        guard workers > 1, errors.isEmpty else { return nil }
        return TimelineBatch.loneEventLog(files)
    }

    /// Reads complaints on this thread and checks them in chunks on another (and this one).
    private func runInChunks<Output: Sendable>(paths: [String], progress: ((Int) -> Void)?,
                                               transform: @escaping @Sendable (String, ComplaintResult) -> Output,
                                               deliver: (Output) -> Void) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        let checker = self.checker
        var pending: [(String, Complaint)] = []
        var inFlight: (group: DispatchGroup, chunk: Chunk<Output>)?
        var done = 0
        func drain() {
            guard let (group, chunk) = inFlight else { return }
            chunk.work(checker, transform)  // help the worker finish, instead of waiting idle
            group.wait()
            for output in chunk.outputs { deliver(output) }
            done += chunk.count
            inFlight = nil
            progress?(done)
        }
        func launch() {
            guard !pending.isEmpty else { return }
            let chunk = Chunk<Output>(items: pending)
            let group = DispatchGroup()
            if workers > 1 { DispatchQueue.global().async(group: group) { chunk.work(checker, transform) } }
            inFlight = (group, chunk)
            pending.removeAll(keepingCapacity: true)
        }
        let outcome = TimelineBatch.forEachComplaint(paths: paths, map: map, limits: limits) { file, complaint in
            pending.append((file, complaint))
            if pending.count >= chunkSize {
                drain()
                launch()
            }
        }
        drain()
        launch()
        drain()
        return outcome
    }
}

/// One checking thread's running total in `CheckSession.fold`: only that thread touches it until
/// all have finished.
private final class Totals<Total>: @unchecked Sendable {
    var value: Total
    init(_ value: Total) { self.value = value }
}

/// A chunk of complaints that two threads check together: each takes the next unclaimed
/// complaint until none is left, writing its result into that complaint's own slot (raw
/// memory, so no copy-on-write check can race). The slots are read only after both have
/// finished. The reading thread joins in when it has read the next chunk, so neither core
/// idles while the other still has complaints to check.
private final class Chunk<Output>: @unchecked Sendable {
    private let items: [(String, Complaint)]
    private let lock = NSLockShim()  // NSLocking.withLock needs a newer macOS than Package.swift names
    private var claimed = 0
    private let slots: UnsafeMutablePointer<Output?>
    let count: Int

    init(items: [(String, Complaint)]) {
        self.items = items
        count = items.count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func work(_ checker: Checker, _ transform: (String, ComplaintResult) -> Output) {
        while true {
            let index = lock.withLock {
                defer { claimed += 1 }
                return claimed
            }
            guard index < count else { return }
            let (file, complaint) = items[index]
            slots[index] = transform(file, checker.check(complaint))
        }
    }

    /// The results in input order; only once every complaint has been checked.
    var outputs: [Output] { (0..<count).map { slots[$0]! } }
}
