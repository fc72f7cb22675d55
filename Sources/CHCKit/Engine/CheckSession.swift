import Dispatch
import Foundation

/// Runs a whole batch: reads complaints as a stream and checks them in chunks, and hands each
/// result to `deliver` in input order — so memory holds two chunks, not the batch. Reading (and
/// writing the output) on the calling thread overlaps with checking the previous chunk on
/// another, which keeps both cores of a small machine busy.
public struct CheckSession: Sendable {
    public let checker: Checker
    public var map: ColumnMap
    public var limits: InputLimits
    /// Complaints checked together, on a second thread while the next chunk is read.
    public var chunkSize = 2048
    /// With one core, everything runs on the calling thread.
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(checker: Checker, map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) {
        self.checker = checker
        self.map = map
        self.limits = limits
    }

    /// Checks everything under `paths`; returns the input problems and the files skipped.
    public func run(paths: [String], progress: ((Int) -> Void)? = nil,
                    deliver: (String, ComplaintResult) -> Void) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        run(paths: paths, progress: progress, transform: { _, file, result in (file, result) }, deliver: { deliver($0.0, $0.1) })
    }

    /// As `run`, with `transform` applied to each result on the checking thread (e.g. rendering
    /// its output), so that the calling thread only reads input and writes what it is given.
    /// `transform` also gets the complaint's position in the output (0 for the first).
    public func run<Output: Sendable>(paths: [String], progress: ((Int) -> Void)? = nil,
                                      transform: @escaping @Sendable (Int, String, ComplaintResult) -> Output,
                                      deliver: (Output) -> Void) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        var pending: [(String, Complaint)] = []
        var inFlight: (group: DispatchGroup, slots: Slots<Output>)?
        var done = 0, launched = 0
        let checker = self.checker
        func drain() {
            guard let chunk = inFlight else { return }
            chunk.group.wait()
            for output in chunk.slots.values { deliver(output) }
            done += chunk.slots.count
            inFlight = nil
            progress?(done)
        }
        func launch() {
            guard !pending.isEmpty else { return }
            let work = pending, base = launched
            launched += work.count
            let slots = Slots<Output>(count: work.count)
            let group = DispatchGroup()
            let body = { @Sendable in
                for (index, item) in work.enumerated() { slots.set(index, transform(base + index, item.0, checker.check(item.1))) }
            }
            if workers > 1 { DispatchQueue.global().async(group: group, execute: body) } else { body() }
            inFlight = (group, slots)
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

/// Fixed slots that a worker thread fills (raw memory, so no copy-on-write check can race);
/// read only after the worker has finished.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    let count: Int
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ index: Int, _ value: Value) { storage[index] = value }
    var values: [Value] { (0..<count).map { storage[$0]! } }
}
