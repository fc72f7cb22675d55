import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// Pass 1 reads a big log's second half on another thread (`EventLogIndex`); joined or not,
/// the index must be the one a single reader makes.
@Suite struct EventLogIndexTests {
    /// The index read by one thread and by two (any file over 100 bytes is split).
    func bothWays(_ text: String) throws -> (EventLogIndex, EventLogIndex) {
        let file = try temporaryCSV(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let one = try EventLogIndex(path: file, map: ColumnMap(), limits: .standard, threads: 1)
        let two = try EventLogIndex(path: file, map: ColumnMap(), limits: .standard, threads: 2, splitBytes: 100)
        return (one, two)
    }

    func expectSame(_ one: EventLogIndex, _ two: EventLogIndex) {
        #expect(one.rowSlots == two.rowSlots)
        #expect(one.lastRow == two.lastRow)
        #expect(one.ids.count == two.ids.count)
        #expect((0..<one.ids.count).map(one.ids.id) == (0..<two.ids.count).map(two.ids.id))
    }

    /// Rows of `count` complaints whose ids come back across the whole file, so both halves
    /// have ids of their own and ids of the other's.
    func rows(_ count: Int) -> [String] {
        (0..<count).map { "C\(($0 * 7) % 41),2024-06-03,note,1,plain" }
    }

    @Test func halvesJoinedAreOneReading() throws {
        let text = "complaint_id,date,event,stage,reason\n" + rows(300).joined(separator: "\n") + "\n,2024-06-03,note,1,\n\n"
        let (one, two) = try bothWays(text)
        #expect(one.rowSlots.count == 302)
        #expect(one.ids.count == 41)
        expectSame(one, two)
    }

    @Test func aQuotedFieldAcrossTheMiddleIsReadByTheFirstThread() throws {
        // A note of many lines around the middle: the second thread starts inside it. Read from
        // there the rest is still valid CSV (the note's closing quote opens a field that the
        // quote in `a"` closes), but it is other rows, which must not be used.
        let many = String(repeating: "x\n", count: 400)
        let text =
            "complaint_id,date,event,stage,reason\n" + rows(50).joined(separator: "\n") + "\nQ,2024-06-03,note,1,\"" + many
            + "\"\nC0,2024-06-03,note,1,a\"\n" + rows(50).joined(separator: "\n") + "\n"
        let (one, two) = try bothWays(text)
        #expect(one.rowSlots.count == 102)
        expectSame(one, two)
    }

    @Test func aProblemInTheSecondHalfIsWordedAsOneReaderWordsIt() throws {
        let text = "complaint_id,date,event,stage,reason\n" + rows(200).joined(separator: "\n") + "\nB,2024-06-03,note,1,\"never closed\n"
        let file = try temporaryCSV(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var messages: [String] = []
        for threads in [1, 2] {
            do {
                _ = try EventLogIndex(path: file, map: ColumnMap(), limits: .standard, threads: threads, splitBytes: 100)
                Issue.record("no error with \(threads) threads")
            } catch {
                messages.append(error.description)
            }
        }
        #expect(messages.count == 2)
        #expect(messages.first == messages.last)
        #expect(messages.first?.contains(":202:21: error: a quoted field is never closed") == true, "\(messages)")
    }
}
