import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `ComplaintIDTable` numbers an event log's complaint ids in the first pass; a wrong number
/// would give a row to another complaint.
@Suite struct ComplaintIDTableTests {
    func number(_ id: String, in table: inout ComplaintIDTable) -> Int32? {
        Array(id.utf8).withUnsafeBufferPointer { table.number(of: $0) }
    }

    @Test func idsAreNumberedInOrderOfFirstAppearanceThroughGrowth() {
        var table = ComplaintIDTable()
        let ids = (0..<5000).map { "C-\($0)" } + ["", "é", "C-1 ", "c-1"]
        for (n, id) in ids.enumerated() { #expect(number(id, in: &table) == Int32(n)) }
        #expect(table.count == ids.count)
        // Seen again, in another order: the same numbers, and no new ones.
        for (n, id) in ids.enumerated().reversed() { #expect(number(id, in: &table) == Int32(n)) }
        #expect(table.count == ids.count)
        for (n, id) in ids.enumerated() {
            #expect(table.id(n) == id)
            #expect(table.matches(n, id))
            #expect(!table.matches(n, id + "x"))
        }
    }

    @Test func joinedTablesNumberIdsAsOneTableReadingBoth() {
        // The ids of a log's first half, then its second's: some in both, most in one. Joined,
        // they are numbered as one table numbering the whole log would number them, and each of
        // the second's numbers leads to its own id.
        let first = (0..<3001).map { "C-\($0 * 3)" }
        let second = (0..<2999).map { "C-\($0 * 5)" } + ["", "é"]
        var one = ComplaintIDTable()
        for id in first + second { _ = number(id, in: &one) }
        var head = ComplaintIDTable()
        for id in first { _ = number(id, in: &head) }
        var tail = ComplaintIDTable()
        for id in second { _ = number(id, in: &tail) }
        let before = head.count
        guard let (ids, numbers) = head.joined(with: tail) else {
            Issue.record("not joined")
            return
        }
        #expect(before == first.count)
        #expect(ids.count == one.count)
        #expect((0..<ids.count).map(ids.id) == (0..<one.count).map(one.id))
        #expect(numbers.count == second.count)
        for (n, id) in second.enumerated() {
            #expect(numbers[n] == number(id, in: &one))
            #expect(ids.matches(Int(numbers[n]), id))
        }
    }

    @Test func collidingBucketsKeepIdsApart() {
        // Many ids, few buckets at first: probing must compare bytes, not only hashes.
        var table = ComplaintIDTable()
        let ids = (0..<600).map { String(repeating: "a", count: $0 % 40) + "\($0)" }
        for id in ids { _ = number(id, in: &table) }
        for (n, id) in ids.enumerated() { #expect(number(id, in: &table) == Int32(n)) }
    }

    @Test func idsAreMatchedAsTrimmedTextInBothPasses() throws {
        // Padded, non-ASCII-padded and badly encoded ids: pass 1 (bytes) and pass 2 (text)
        // must agree, or the log reads as changed while it was read.
        var bytes = Array("complaint_id,date,event,stage\n C-1,2024-06-03,complaint-received,1\n".utf8)
        bytes += Array("C-1\u{00A0},2024-06-04,acknowledged,1\n".utf8)
        bytes += Array("X".utf8) + [0xFF] + Array("Y,2024-06-03,complaint-received,1\n".utf8)
        bytes += Array("X".utf8) + [0xFF] + Array("Y,2024-06-04,acknowledged,1\n".utf8)
        let file = try temporaryCSV(bytes: bytes)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, errors) = EventLogCSV.load(file)
        #expect(complaints.map(\.id) == ["C-1"])
        #expect(complaints.first?.events.count == 2)
        // The badly encoded rows are reported as such, not as a file that changed.
        #expect(errors.count == 1)
        #expect(!"\(errors)".contains("changed"), "\(errors)")
        #expect("\(errors)".contains("not valid UTF-8"), "\(errors)")
    }
}
