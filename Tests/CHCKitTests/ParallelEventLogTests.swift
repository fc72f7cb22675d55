import Foundation
import TestSupport
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `ParallelEventLog` splits an event log's complaints between threads; whatever the number of
/// threads, the complaints, their order and the problems must be those of one thread reading
/// the file (`EventLogCSV.stream`).
@Suite struct ParallelEventLogTests {
    /// One thread's reading: each complaint as its id and events, and the problems.
    func sequential(_ file: String) -> ([String], [String]) {
        var seen: [String] = []
        let errors = EventLogCSV.stream(file) { seen.append(Self.summary($0)) }
        return (seen, errors.flatMap(\.problems).map(\.description))
    }

    func parallel(_ file: String, workers: Int) -> ([String], [String]) {
        var seen: [String] = []
        let errors = ParallelEventLog.run(
            path: file, map: ColumnMap(), limits: .standard, workers: workers,
            process: { _ in { Self.summary($0) } }, deliver: { seen.append($0) })
        return (seen, errors.flatMap(\.problems).map(\.description))
    }

    static func summary(_ complaint: Complaint) -> String {
        complaint.id + ":" + complaint.events.map { "\($0.type.rawValue)@\($0.location.line)" }.joined(separator: ",")
    }

    @Test func anyNumberOfThreadsGivesWhatOneThreadGives() throws {
        // Rows of 300 complaints in a seeded shuffle, with a bad row, a row without an id, a
        // blank line, a quoted field over two lines and a complaint that fails validation.
        var generator = SeededRandom(state: 7)
        var rows: [String] = []
        for n in 0..<300 {
            rows.append("C\(n),2024-06-03,complaint-received,1,")
            if n % 3 != 0 { rows.append("C\(n),2024-06-05,acknowledged,1,\"a note\nover two lines\"") }
            if n % 5 == 0 { rows.append("C\(n),2024-06-19,response,1,") }
        }
        rows.append("C7,2024-02-30,response,1,")  // a bad date: C7 is not checked
        rows.append(",2024-06-03,response,1,")  // no id
        rows.append("")  // a blank line
        rows.append("X1,2024-06-05,acknowledged,1,")  // never received: a validation problem
        rows.shuffle(using: &generator)
        let file = try temporaryCSV("complaint_id,date,event,stage,reason\n" + rows.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, problems) = sequential(file)
        #expect(complaints.count == 299)  // all but C7
        #expect(problems.count == 3, "\(problems)")
        for workers in 1...4 {
            let (parallelComplaints, parallelProblems) = parallel(file, workers: workers)
            #expect(parallelComplaints == complaints, "workers: \(workers)")
            #expect(parallelProblems == problems, "workers: \(workers)")
        }
    }

    @Test func aFileLevelProblemEndsTheRunAsItWouldOnOneThread() throws {
        // An unclosed quote is found in pass 1: nothing is checked.
        let broken = try temporaryCSV("complaint_id,date,event\nA,2024-06-03,complaint-received\nB,\"2024-06-03,complaint-received\n")
        defer { try? FileManager.default.removeItem(atPath: broken) }
        #expect(parallel(broken, workers: 2).0.isEmpty)
        #expect(parallel(broken, workers: 2).1 == sequential(broken).1)
        #expect(sequential(broken).1.first?.contains("never closed") == true)
    }

    /// Runs `body` on a thread of its own and waits up to two minutes for it, so that a hang
    /// (a deadlock, a merge that loops) is a failed test rather than a test run that never ends.
    func finishing<T>(_ body: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            finished.signal()
        }
        guard finished.wait(timeout: .now() + 120) == .success else {
            Issue.record("the run did not finish in two minutes")
            return nil
        }
        return box.value
    }

    @Test func moreThreadsThanCoresWithFullQueuesDoNotWaitForEachOther() throws {
        // Each thread may queue one batch of two: most of the time most threads wait for the
        // merging thread, which waits for the thread with the next row. Every thread must be
        // running for that one to come.
        let rows = (0..<400).map { "C\($0 % 150),2024-06-0\($0 / 150 + 3),note,1" }
        let file = try temporaryCSV("complaint_id,date,event,stage\n" + rows.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = finishing {
            var seen = 0
            let errors = ParallelEventLog.run(
                path: file, map: ColumnMap(), limits: .standard, workers: 12, batchSize: 2, queued: 1,
                process: { _ in { $0.id } }, deliver: { _ in seen += 1 })
            return (seen, errors.first?.problems.count)
        }
        #expect(outcome?.0 == 0)  // notes only: no receipt, so every complaint is a validation problem
        #expect(outcome?.1 == 150)
    }

    /// Checks a log of 200,000 one-row complaints (about 5.4 MB, so each thread reads it in
    /// several chunks and pass 1 splits it) on two threads, calling `change` with the file and
    /// where its second half starts once the first complaint is out. Returns how many came out
    /// and the problems' text (nothing when the run hangs).
    func readWhileChanging(_ change: @escaping @Sendable (String, UInt64, [String]) -> Void) throws -> (delivered: Int, problems: String) {
        let rows = (0..<200_000).map { String(format: "C%06d,2024-06-03,complaint-received\n", $0) }
        let file = try temporaryCSV("complaint_id,date,event\n" + rows.joined())
        defer { try? FileManager.default.removeItem(atPath: file) }
        return finishing {
            var delivered = 0
            let errors = ParallelEventLog.run(
                path: file, map: ColumnMap(), limits: .standard, workers: 2, batchSize: 16, queued: 1,
                process: { _ in { $0.id } }
            ) { _ in
                delivered += 1
                if delivered == 1 { change(file, UInt64(24 + 100_000 * rows[0].utf8.count), rows) }
            }
            return (delivered, errors.map(\.description).joined())
        } ?? (0, "")
    }

    @Test func aFileRewrittenWhileThreadsReadItIsAnErrorNotAWrongFinding() throws {
        // The second half rewritten with other ids of the same length.
        let (delivered, problems) = try readWhileChanging { file, half, rows in
            guard let handle = FileHandle(forWritingAtPath: file) else { return }
            try? handle.seek(toOffset: half)
            handle.write(Data(rows[..<100_000].map { $0.replacingOccurrences(of: "C", with: "D") }.joined().utf8))
            try? handle.close()
        }
        #expect(delivered < 200_000)
        #expect(problems.contains("the file changed while it was being read"), "\(problems.prefix(300))")
    }

    @Test func aFileCutShortWhileThreadsReadItIsAnError() throws {
        // Every thread finds the file ending early, at the same row: one error, then the end.
        let (delivered, problems) = try readWhileChanging { file, half, _ in truncate(file, off_t(half)) }
        #expect(delivered <= 100_000)
        #expect(problems.contains("the file changed while it was being read"), "\(problems.prefix(300))")
    }
}

/// What a test's own thread hands back (read only after it has signalled).
private final class Box<T>: @unchecked Sendable {
    var value: T?
}
