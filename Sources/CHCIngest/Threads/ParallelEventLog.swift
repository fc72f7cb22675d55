import CHCModel
import Dispatch
import Foundation

/// Checks one CSV event log on several threads. Each thread owns a share of the complaints
/// (`EventLogShard`): it builds them from their rows, validates them and turns each into an
/// `Output` (checking and rendering it) itself, so no complaint crosses threads. The calling
/// thread merges the shards' outputs and problems by row and hands them over in the order one
/// thread reading the file would: complaints by their last row.
package enum ParallelEventLog {
    /// What a shard sends to the merging thread, at a row.
    private enum Piece<Output: Sendable>: Sendable {
        case problem(InputProblem)
        case output(Output)
        case failed(InputError)
    }

    /// Pieces and the rows they belong to, handed over together (one lock per batch, not per complaint).
    private struct Batch<Output: Sendable>: Sendable {
        package var rows: [Int] = []
        package var pieces: [Piece<Output>] = []
    }

    /// Items handed over at a time (one lock per batch, not per complaint).
    static let batchSize = 256

    /// Reads `path` with `workers` threads; calls `deliver` with each complaint's output in order
    /// (on this thread) and returns the problems found, as `EventLogCSV.stream` does. Each
    /// thread first calls `process` with its number, and turns its complaints into outputs with
    /// the function it gets (which can hold objects of that thread's own).
    /// `batchSize` and `queued` (batches a thread may have waiting) are for tests.
    package static func run<Output: Sendable>(
        path: String, map: ColumnMap, limits: InputLimits, workers: Int,
        batchSize: Int = batchSize, queued: Int = 16,
        process: @escaping @Sendable (Int) -> (Complaint) -> Output,
        deliver: (Output) -> Void
    ) -> [InputError] {
        let index: EventLogIndex
        do throws(InputError) {
            index = try EventLogIndex(path: path, map: map, limits: limits, threads: min(2, workers))
        } catch {
            return [error]
        }
        let queues = (0..<workers).map { _ in HandOff<Batch<Output>>(capacity: queued) }
        // A thread of its own for each shard, not a Dispatch worker: shards wait for the merging
        // thread, which waits for the shard with the next row, so every shard must be running.
        // (With more shards than cores, Dispatch started the waiting ones only after stalls of
        // seconds.)
        let group = DispatchGroup()
        for (shard, queue) in queues.enumerated() {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var batch = Batch<Output>()
                let process = process(shard)
                EventLogShard(index: index, map: map, limits: limits, shard: shard, count: workers).read(shouldStop: { queue.isCancelled })
                { row, item in
                    switch item {
                    case .problem(let problem): batch.pieces.append(.problem(problem))
                    case .complaint(let complaint): batch.pieces.append(.output(process(complaint)))
                    case .failed(let error): batch.pieces.append(.failed(error))
                    }
                    batch.rows.append(row)
                    if batch.rows.count >= batchSize {
                        queue.put(batch)
                        batch = Batch()
                    }
                }
                if !batch.rows.isEmpty { queue.put(batch) }
                queue.finish()
            }
        }
        // Merge: always the shard whose next piece has the lowest row. The choice looks only
        // at the rows (plain integers); a piece is touched once, to hand it over.
        var rows = [[Int]](repeating: [], count: workers)
        var pieces = [[Piece<Output>]](repeating: [], count: workers)
        var positions = [Int](repeating: 0, count: workers)
        var live = 0  // shards that may still send something
        func refill(_ shard: Int) -> Bool {
            guard let batch = queues[shard].take() else { return false }
            rows[shard] = batch.rows
            pieces[shard] = batch.pieces
            positions[shard] = 0
            return true
        }
        for shard in 0..<workers where refill(shard) { live += 1 }
        var problems: [InputProblem] = []
        merging: while live > 0 {
            var next = -1
            var lowest = Int.max
            for shard in 0..<workers where positions[shard] < rows[shard].count && rows[shard][positions[shard]] < lowest {
                next = shard
                lowest = rows[shard][positions[shard]]
            }
            guard next >= 0 else { break }
            // This piece, then everything of this shard before the others' next rows, in one run.
            // (Two shards can have a piece at the same row — both find the file ending early —
            // so the chosen one always hands over at least its first.)
            var limit = Int.max
            for shard in 0..<workers where shard != next && positions[shard] < rows[shard].count {
                limit = min(limit, rows[shard][positions[shard]])
            }
            var position = positions[next]
            let shardRows = rows[next]
            let shardPieces = pieces[next]
            repeat {
                switch shardPieces[position] {
                case .problem(let problem): problems.append(problem)
                case .output(let output): deliver(output)
                case .failed(let error):
                    // As one thread would: nothing from this row on is handed over.
                    problems += error.problems
                    break merging
                }
                position += 1
            } while position < shardRows.count && shardRows[position] < limit
            positions[next] = position
            if position == shardRows.count, !refill(next) { live -= 1 }
        }
        for queue in queues { queue.cancel() }
        group.wait()
        return problems.isEmpty ? [] : [InputError(problems)]
    }
}
