import CHCIngest
import CHCModel

/// Checks a whole batch as a stream (`ComplaintStream`), handing each result to `deliver` in
/// input order, so memory holds the complaints in flight, not the batch. Each reading thread
/// checks with a checker of its own (`Checker.forThread()`).
package struct CheckSession: Sendable {
    package let checker: Checker
    package var stream: ComplaintStream

    package init(checker: Checker, map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) {
        self.checker = checker
        stream = ComplaintStream(map: map, limits: limits)
    }

    /// Checks everything under `paths`; returns the input problems and the files skipped.
    package func run(
        paths: [String], progress: ((Int) -> Void)? = nil, deliver: (String, ComplaintResult) -> Void
    ) -> ComplaintStream.Outcome {
        run(paths: paths, progress: progress, transform: { file, result in (file, result) }, deliver: { deliver($0.0, $0.1) })
    }

    /// As `run`, with `transform` applied to each result on the checking thread (e.g. rendering
    /// its output), so that the calling thread only reads input and writes what it is given.
    package func run<Output: Sendable>(
        paths: [String], progress: ((Int) -> Void)? = nil,
        transform: @escaping @Sendable (String, ComplaintResult) -> Output, deliver: (Output) -> Void
    ) -> ComplaintStream.Outcome {
        run(paths: paths, progress: progress, makeTransform: { transform }, deliver: deliver)
    }

    /// As `run`, with a transform of each thread's own, made by `makeTransform` on that thread
    /// (so it can keep what it makes from one complaint to the next without sharing it).
    package func run<Output: Sendable>(
        paths: [String], progress: ((Int) -> Void)? = nil,
        makeTransform: @escaping @Sendable () -> @Sendable (String, ComplaintResult) -> Output, deliver: (Output) -> Void
    ) -> ComplaintStream.Outcome {
        let checker = self.checker
        return stream.run(
            paths: paths, progress: progress,
            makeWorker: { _ in
                let own = checker.forThread()
                let transform = makeTransform()
                return { file, complaint in transform(file, own.check(complaint)) }
            }, deliver: deliver)
    }

    /// Checks everything under `paths` and folds each result into a total (a report's sums):
    /// each thread folds into its own copy of `initial`, merged at the end.
    package func fold<Total: Sendable>(
        paths: [String], progress: ((Int) -> Void)? = nil, into initial: Total,
        _ add: @escaping @Sendable (inout Total, ComplaintResult) -> Void, merge: (inout Total, Total) -> Void
    ) -> (total: Total, errors: [InputError], skipped: [(file: String, reason: String)]) {
        let checker = self.checker
        return stream.fold(
            paths: paths, progress: progress,
            makeWorker: { _ in
                let own = checker.forThread()
                return { _, complaint in own.check(complaint) }
            }, into: initial, add, merge: merge)
    }
}
