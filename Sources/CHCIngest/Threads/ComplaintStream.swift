import CHCModel
import Dispatch
import Foundation

/// Reads every complaint under some paths and hands each to a worker function, on as many
/// threads as there are cores, delivering the workers' outputs in input order. This is where
/// reading meets threads; callers only say what a worker does with a complaint.
///
/// One CSV event log is read, and its complaints processed, by one thread per core, each owning
/// a share of the complaints (`ParallelEventLog`). Anything else (YAML, several files) is read
/// on the calling thread and processed in chunks, the previous chunk on another thread while
/// the next is read, so both cores of a small machine stay busy.
///
/// A worker is made on the thread that uses it (`makeWorker(thread)`), so it can hold objects of
/// that thread's own: threads counting references to the same objects slow each other down.
package struct ComplaintStream: Sendable {
    package var map: ColumnMap
    package var limits: InputLimits
    /// Complaints processed together, on a second thread while the next chunk is read.
    var chunkSize = 2048
    /// Processing threads; with one, everything runs on the calling thread.
    var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    package init(map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) {
        self.map = map
        self.limits = limits
    }

    /// What a run could not read: the input problems, and the files skipped in folders.
    package typealias Outcome = (errors: [InputError], skipped: [(file: String, reason: String)])

    /// Processes everything under `paths` with each thread's worker; `deliver` gets the outputs
    /// in input order on this thread, and `progress` the number delivered so far.
    package func run<Output: Sendable>(
        paths: [String], progress: ((Int) -> Void)? = nil,
        makeWorker: @escaping @Sendable (Int) -> @Sendable (String, Complaint) -> Output,
        deliver: (Output) -> Void
    ) -> Outcome {
        if let file = singleEventLog(paths) {
            let errors = runParallel(
                file, progress: progress,
                process: { thread in
                    let file = file.unshared
                    let worker = makeWorker(thread)
                    return { worker(file, $0) }
                }, deliver: deliver)
            return (errors, [])
        }
        return runInChunks(paths: paths, progress: progress, makeWorker: makeWorker, deliver: deliver)
    }

    /// Processes everything under `paths` and folds each output into a total, for figures that
    /// do not depend on the order complaints come in (a report's sums). With one event log each
    /// thread folds its share into its own copy of `initial`, and the copies are merged once
    /// all are done: nothing per complaint crosses threads.
    package func fold<Output: Sendable, Total: Sendable>(
        paths: [String], progress: ((Int) -> Void)? = nil,
        makeWorker: @escaping @Sendable (Int) -> @Sendable (String, Complaint) -> Output,
        into initial: Total, _ add: @escaping @Sendable (inout Total, Output) -> Void,
        merge: (inout Total, Total) -> Void
    ) -> (total: Total, errors: [InputError], skipped: [(file: String, reason: String)]) {
        guard let file = singleEventLog(paths) else {
            var total = initial
            let outcome = runInChunks(paths: paths, progress: progress, makeWorker: makeWorker, deliver: { add(&total, $0) })
            return (total, outcome.errors, outcome.skipped)
        }
        let totals = (0..<workers).map { _ in Totals(initial) }
        let errors = runParallel(
            file, progress: progress,
            process: { thread in
                let totals = totals[thread]
                let file = file.unshared
                let worker = makeWorker(thread)
                return { add(&totals.value, worker(file, $0)) }
            }, deliver: { _ in })
        var total = totals[0].value
        for other in totals.dropFirst() { merge(&total, other.value) }
        return (total, errors, [])
    }

    /// Reads one event log on `workers` threads (`ParallelEventLog`); `deliver` gets the
    /// outputs in order on this thread.
    private func runParallel<Output: Sendable>(
        _ file: String, progress: ((Int) -> Void)?,
        process: @escaping @Sendable (Int) -> (Complaint) -> Output,
        deliver: (Output) -> Void
    ) -> [InputError] {
        var done = 0
        let errors = ParallelEventLog.run(path: file, map: map, limits: limits, workers: workers, process: process) { output in
            deliver(output)
            done += 1
            if done % chunkSize == 0 { progress?(done) }
        }
        progress?(done)
        return errors
    }

    /// The one CSV event log named, when that is the whole batch and there are cores to share
    /// it: then `ParallelEventLog` reads it.
    private func singleEventLog(_ paths: [String]) -> String? {
        var errors: [InputError] = []
        let files = TimelineBatch.expand(paths, errors: &errors)
        guard workers > 1, errors.isEmpty, let file = TimelineBatch.loneEventLog(files) else { return nil }
        // A CSV file found in a folder that is not an event log is skipped, on the one-thread path.
        if files[0].walked, EventLogCSV.notAnEventLog(file, map: map, limits: limits) != nil { return nil }
        return file
    }

    /// Reads complaints on this thread and processes them in chunks on another (and this one).
    private func runInChunks<Output: Sendable>(
        paths: [String], progress: ((Int) -> Void)?,
        makeWorker: @escaping @Sendable (Int) -> @Sendable (String, Complaint) -> Output,
        deliver: (Output) -> Void
    ) -> Outcome {
        let local = makeWorker(0)
        // The other thread makes its own worker the first time it runs.
        let remote = workers > 1 ? LazyWorker { makeWorker(1) } : nil
        var pending: [(String, Complaint)] = []
        var inFlight: (group: DispatchGroup, chunk: Chunk<Output>)?
        var done = 0
        func drain() {
            guard let (group, chunk) = inFlight else { return }
            chunk.work(local)  // help the other thread finish, instead of waiting idle
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
            if let remote { DispatchQueue.global().async(group: group) { chunk.work(remote.worker) } }
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

/// One thread's running total in `ComplaintStream.fold`: only that thread touches it until all
/// have finished.
private final class Totals<Total>: @unchecked Sendable {
    var value: Total
    init(_ value: Total) { self.value = value }
}

/// The second thread's worker in a chunked run, made by that thread when it first needs it
/// (only that thread reads it, one chunk at a time).
private final class LazyWorker<Output>: @unchecked Sendable {
    private let make: @Sendable () -> @Sendable (String, Complaint) -> Output
    private var made: (@Sendable (String, Complaint) -> Output)?

    init(_ make: @escaping @Sendable () -> @Sendable (String, Complaint) -> Output) { self.make = make }

    var worker: @Sendable (String, Complaint) -> Output {
        if let made { return made }
        let worker = make()
        made = worker
        return worker
    }
}

/// A chunk of complaints that two threads process together: each takes the next unclaimed
/// complaint until none is left, writing its output into that complaint's own slot (raw
/// memory, so no copy-on-write check can race). The slots are read only after both have
/// finished. The reading thread joins in when it has read the next chunk, so neither core
/// idles while the other still has complaints to process.
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

    func work(_ worker: (String, Complaint) -> Output) {
        while true {
            let index = lock.withLock {
                defer { claimed += 1 }
                return claimed
            }
            guard index < count else { return }
            let (file, complaint) = items[index]
            slots[index] = worker(file, complaint)
        }
    }

    /// The outputs in input order; only once every complaint has been processed.
    var outputs: [Output] { (0..<count).map { slots[$0]! } }
}

extension String {
    /// The same text in storage of its own (a copied string shares its storage, and its
    /// reference count, with the original).
    package var unshared: String { String(decoding: Array(utf8), as: UTF8.self) }
}
