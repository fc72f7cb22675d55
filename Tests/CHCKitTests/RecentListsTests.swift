import Foundation
import TestSupport
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `RecentLists` shares the arrays of repeated `;` lists between rows; a wrong hit would give a
/// row another row's points.
@Suite struct RecentListsTests {
    func list(_ text: String, in recent: inout RecentLists, splits: inout Int) -> [String]? {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            recent.list(bytes) {
                splits += 1
                return EventLogCSV.splitASCIIList($0)
            }
        }
    }

    @Test func repeatedBytesAreSplitOnceAndOldestAreReplaced() {
        var recent = RecentLists()
        var splits = 0
        #expect(list("p1;p2", in: &recent, splits: &splits) == ["p1", "p2"])
        #expect(list("p1;p2", in: &recent, splits: &splits) == ["p1", "p2"])
        #expect(splits == 1)
        #expect(list("p1;p2 ", in: &recent, splits: &splits) == ["p1", "p2"])  // other bytes: split again
        #expect(splits == 2)
        for n in 0..<RecentLists.capacity { _ = list("q\(n)", in: &recent, splits: &splits) }
        #expect(splits == 2 + RecentLists.capacity)
        #expect(list("p1;p2", in: &recent, splits: &splits) == ["p1", "p2"])  // replaced, so split again
        #expect(splits == 3 + RecentLists.capacity)
        // A cell the fast split refuses (not ASCII) is not kept.
        #expect(list("p1;é", in: &recent, splits: &splits) == nil)
        #expect(list("p1;é", in: &recent, splits: &splits) == nil)
        #expect(splits == 5 + RecentLists.capacity)
    }

    /// A log whose rows draw their lists from more distinct values than are kept, in random
    /// order: every event holds exactly its own row's list.
    @Test func everyRowKeepsItsOwnList() throws {
        var random = SeededRandom(state: 20_261_123)
        let vocabulary = (0..<(RecentLists.capacity + 5)).map { n in (0...n % 4).map { "p\($0 + n)" } }
        var text = "complaint_id,date,event,stage,points,addresses\n"
        var expected: [String: [[String]]] = [:]
        for c in 0..<60 {
            let raised = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
            text += "C\(c),2024-05-01,complaint-received,1,\(raised.joined(separator: ";")),\n"
            let answered = raised.shuffled(using: &random)
            text += "C\(c),2024-05-20,response,1,,\(answered.joined(separator: " ; "))\n"
            expected["C\(c)"] = [raised, answered]
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, errors) = EventLogCSV.load(file)
        #expect(errors.isEmpty)
        #expect(complaints.count == 60)
        for complaint in complaints {
            #expect(complaint.events.map { $0.details.points ?? $0.details.addresses ?? [] } == expected[complaint.id])
        }
    }
}
