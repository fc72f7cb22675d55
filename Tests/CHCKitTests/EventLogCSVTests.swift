import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// CSV event logs: RFC 4180 edge cases, located row errors, column maps.
@Suite struct EventLogCSVTests {
    func write(_ text: String, bytes: [UInt8]? = nil) throws -> String { try temporaryCSV(bytes: bytes ?? Array(text.utf8)) }

    func records(_ text: String) throws -> [CSVRecord] {
        let file = try write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let reader = try CSVRecordReader(path: file)
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test func quotesEscapesAndEmbeddedNewlines() throws {
        let rows = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(rows.count == 3)
        #expect(rows[1].fields == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(rows[2].line == 4)
        #expect(rows[2].fields == ["last", "", ""])
    }

    @Test func crlfAndByteOrderMark() throws {
        let file = try write("", bytes: [0xEF, 0xBB, 0xBF] + Array("complaint_id,date,event\r\nA,2024-06-03,complaint-received\r\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, errors) = EventLogCSV.load(file)
        #expect(errors.isEmpty, "\(errors)")
        #expect(complaints.map(\.id) == ["A"])
        #expect(complaints[0].events[0].type == .complaintReceived)
    }

    @Test func unclosedQuoteIsLocated() throws {
        #expect(throws: InputError.self) { try records("a,b\n\"open,x\n") }
        do { _ = try records("a,b\n\"open,x\n") } catch {
            #expect("\(error)".contains(":2:1: error: a quoted field is never closed"), "\(error)")
        }
    }

    @Test func missingColumnsNameWhatIsExpected() throws {
        let file = try write("complaint,when,event\nA,2024-06-03,complaint-received\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, errors) = EventLogCSV.load(file)
        #expect(complaints.isEmpty)
        #expect(errors.first?.description.contains("the header has no column `complaint_id`") == true)
        #expect(errors.first?.description.contains("--map") == true)
    }

    @Test func aBadRowIsReportedAndOtherComplaintsGoOn() throws {
        let file = try write(
            """
            complaint_id,date,event,stage
            A,2024-06-03,complaint-received,1
            B,2024-06-03,complaint-received,1
            A,2024-02-30,acknowledged,1
            B,2024-06-05,acknowleged,1
            C,2024-06-04,complaint-received,1
            C,2024-06-05,acknowledged,one
            D,2024-06-04,complaint-received,1

            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, errors) = EventLogCSV.load(file)
        #expect(complaints.map(\.id) == ["D"])
        let text = errors.map(\.description).joined(separator: "\n")
        #expect(
            text.contains(":4:2: error: `date`: `2024-02-30` is not a valid date: February 2024 has 29 days (complaint `A` is not checked"),
            "\(text)")
        #expect(text.contains(":5:3: error: unknown event `acknowleged`, did you mean `acknowledged`?"), "\(text)")
        #expect(text.contains(":7:4: error: `stage` should be 1 or 2, found `one`"), "\(text)")
    }

    @Test func rowsOfAComplaintNeedNotBeAdjacentOrSorted() throws {
        let file = try write(
            """
            complaint_id,date,event,stage,points,addresses
            A,2024-06-19,response,1,,leak
            B,2024-06-03,complaint-received,1,,
            A,2024-06-05,acknowledged,1,,
            A,2024-06-03,complaint-received,1,leak;damp,

            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, errors) = EventLogCSV.load(file)
        #expect(errors.isEmpty, "\(errors)")
        let a = try #require(complaints.first { $0.id == "A" })
        #expect(a.events.map(\.type) == [.complaintReceived, .acknowledged, .response])
        #expect(a.receipt?.details.points == ["leak", "damp"])
        #expect(a.location.line == 5)
    }

    @Test func columnMapRenamesColumnsAndEvents() throws {
        let (complaints, errors) = EventLogCSV.load(
            path("Examples/csv/housing-system-export.csv"),
            map: try ColumnMap.load(path("Examples/csv/housing-system-map.yaml")))
        #expect(errors.isEmpty, "\(errors)")
        #expect(complaints.map(\.id) == ["HS-1001", "HS-1002"])
        #expect(complaints[0].events.map(\.type) == [.complaintReceived, .acknowledged, .response])
        #expect(complaints[0].events[1].location.line == 4)  // after a quoted note spanning two lines
        #expect(complaints[0].events[2].details.handler == "ms-khan")
    }

    @Test func invalidUTF8IsARowProblem() throws {
        let file = try write(
            "",
            bytes: Array("complaint_id,date,event\nA,2024-06-03,complaint-received\nB,2024-06-03,".utf8) + [0xFF, 0xFE] + Array("\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (complaints, errors) = EventLogCSV.load(file)
        #expect(complaints.map(\.id) == ["A"])
        #expect(errors.first?.description.contains(":3:14: error: field 3 is not valid UTF-8") == true, "\(errors)")
    }

    @Test func aFileRewrittenBetweenThePassesIsAnErrorNotAWrongFinding() throws {
        // Large enough (about 1.5 MB) that pass 2 reads it in more than one chunk.
        let rows = (0..<40_000).map { String(format: "C%06d,2024-06-03,complaint-received\n", $0) }
        let file = try write("complaint_id,date,event\n" + rows.joined())
        defer { try? FileManager.default.removeItem(atPath: file) }
        var emitted = 0
        let errors = EventLogCSV.stream(file) { _ in
            emitted += 1
            guard emitted == 1, let handle = FileHandle(forWritingAtPath: file) else { return }
            // Other complaints' ids, same length, written over the end of the file in place.
            let offset = UInt64(24 + 20_000 * rows[0].utf8.count)
            try? handle.seek(toOffset: offset)
            handle.write(Data(rows[..<20_000].map { $0.replacingOccurrences(of: "C", with: "D") }.joined().utf8))
            try? handle.close()
        }
        #expect(emitted < 40_000)
        #expect(errors.map(\.description).joined().contains("the file changed while it was being read"), "\(errors)")
    }

    @Test func anIDInTwoLogsIsUsedTwiceThoughOneLogAloneKeepsNoTable() throws {
        let first = try write("complaint_id,date,event\nA,2024-06-03,complaint-received\n")
        let second = try write("complaint_id,date,event\nA,2024-06-10,complaint-received\nB,2024-06-10,complaint-received\n")
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let both = TimelineBatch.load(paths: [first, second])
        #expect(both.entries.map(\.complaint.id) == ["A", "B"])
        #expect(both.errors.map(\.description).joined().contains("complaint id `A` is used twice in this batch"), "\(both.errors)")
        #expect(TimelineBatch.load(paths: [second]).errors.isEmpty)
    }
}
