import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput
@testable import WorkingDays

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

    /// With a map given, a missing column or an unknown label points at the map, not at `--map`;
    /// without one, an unknown label suggests mapping it, to `note` when it is not a complaint event.
    @Test func mapMistakesPointAtTheMap() throws {
        let mapText = try String(contentsOfFile: path("Examples/csv/housing-system-map.yaml"), encoding: .utf8)
        let mapFile = try temporaryCSV(bytes: Array(mapText.replacingOccurrences(of: "date: Event Date", with: "date: Event Dat").utf8))
        defer { try? FileManager.default.removeItem(atPath: mapFile) }
        let (_, columnErrors) = EventLogCSV.load(path("Examples/csv/housing-system-export.csv"), map: try ColumnMap.load(mapFile))
        let columnText = columnErrors.map(\.description).joined()
        #expect(
            columnText.contains("the header has no column `event dat`, did you mean `event date`?")
                && columnText.hasSuffix("check the `columns:` of the map \(mapFile)"), "\(columnText)")

        let labelMap = try temporaryCSV(
            bytes: Array(mapText.replacingOccurrences(of: "Stage 1 Response Sent", with: "Stage 1 Respons Sent").utf8))
        defer { try? FileManager.default.removeItem(atPath: labelMap) }
        let (_, labelErrors) = EventLogCSV.load(path("Examples/csv/housing-system-export.csv"), map: try ColumnMap.load(labelMap))
        let labelText = labelErrors.map(\.description).joined()
        #expect(
            labelText.contains(
                "unknown event `Stage 1 Response Sent`, did you mean `stage 1 respons sent`? (correct the label, or add it to the `events:` of the map \(labelMap) with the event type it stands for)"
            ), "\(labelText)")

        let file = try write("complaint_id,date,event\nA,2024-06-03,complaint-received\nA,2024-06-04,phone call\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (_, errors) = EventLogCSV.load(file)
        #expect(
            errors.map(\.description).joined().contains(
                "unknown event `phone call` (map the export's labels to event types in a --map file, e.g. `phone call: note` if it is not a complaint event)"
            ), "\(errors)")
    }

    /// A column the map names but the export does not have is an error, optional or not: a
    /// typo must not silently drop a column (and with it the breaches it shows).
    @Test func aMappedColumnTheExportLacksIsAnError() throws {
        let mapText = try String(contentsOfFile: path("Examples/csv/housing-system-map.yaml"), encoding: .utf8)
        let mapFile = try temporaryCSV(bytes: Array(mapText.replacingOccurrences(of: "handler: Officer", with: "handler: Oficer").utf8))
        defer { try? FileManager.default.removeItem(atPath: mapFile) }
        let (complaints, errors) = EventLogCSV.load(path("Examples/csv/housing-system-export.csv"), map: try ColumnMap.load(mapFile))
        #expect(complaints.isEmpty)
        let text = errors.map(\.description).joined()
        #expect(text.contains("the header has no column `oficer`, did you mean `officer`?"), "\(text)")
    }

    /// A hint about a field a complaint from an export lacks names the column to fill; from a
    /// YAML timeline, the key to add.
    @Test func hintsNameTheColumnForAnExport() throws {
        let fromCSV = try FormatTests.examplesReport("Examples/csv/events.csv").findings
        #expect(
            fromCSV.contains { $0.rule == "HOS2024-6.7" && $0.hint?.hasPrefix("Fill the `points` column") == true },
            "\(fromCSV.map(\.hint))")
        let fromYAML = try FormatTests.examplesReport("Examples").findings.filter { !$0.location.file.hasSuffix(".csv") }
        #expect(fromYAML.contains { $0.rule == "HOS2024-6.7" && $0.hint?.hasPrefix("List the resident's points under `points:`") == true })
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

    /// The same complaints with UK dates and a map that says so give the findings the ISO export
    /// gives, byte for byte; without the map, a UK date is an error at its row and column.
    @Test func ukDatesWithADateFormatGiveTheSameFindings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-ukdates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let iso = try String(contentsOfFile: path("Examples/csv/events.csv"), encoding: .utf8)
        let uk = try NSRegularExpression(pattern: "([0-9]{4})-([0-9]{2})-([0-9]{2})")
            .stringByReplacingMatches(in: iso, range: NSRange(iso.startIndex..., in: iso), withTemplate: "$3/$2/$1")
        #expect(uk != iso && uk.contains("06/01/2025"))
        try Data(iso.utf8).write(to: URL(fileURLWithPath: folder + "/iso.csv"))
        try Data(uk.utf8).write(to: URL(fileURLWithPath: folder + "/uk.csv"))
        try Data("date-format: DD/MM/YYYY\n".utf8).write(to: URL(fileURLWithPath: folder + "/map.yaml"))
        func findings(_ name: String, map: Bool) throws -> (status: Int32, out: String, err: String) {
            let run = try CommandLineTests.run(
                ["check", folder + "/" + name, "--as-of", "2026-11-23", "--format", "csv"] + (map ? ["--map", folder + "/map.yaml"] : []))
            return (run.status, run.out.replacingOccurrences(of: folder + "/" + name, with: "FILE"), run.err)
        }
        let fromISO = try findings("iso.csv", map: false)
        let fromUK = try findings("uk.csv", map: true)
        #expect(fromISO.status == 1 && fromISO.out.utf8.filter { $0 == 10 }.count > 3)  // CSV ends its lines with CRLF
        #expect(fromUK.out == fromISO.out)
        #expect(fromUK.status == fromISO.status)
        let unmapped = try findings("uk.csv", map: false)
        #expect(unmapped.status == 2)
        #expect(
            unmapped.err.contains(
                "uk.csv:2:2: error: `date`: `06/01/2025` is not a valid date: expected a date as YYYY-MM-DD (an export's own date format goes in the --map file, e.g. `date-format: DD/MM/YYYY`)"
            ), "\(unmapped.err)")
    }

    /// A time written without an offset is in the map's time zone: Europe/London (GMT or BST, as
    /// the date says) unless the map names another.
    @Test func timesWithoutAnOffsetAreInTheMapsTimeZone() throws {
        var map = ColumnMap()
        map.dateFormat = try DateFormat.parse("DD/MM/YYYY HH:mm").get()
        #expect(try map.moment("02/05/2024 16:30").get().description == "2024-05-02T16:30")  // London: as written
        map.timeZone = TimeZone(identifier: "UTC")
        #expect(try map.moment("02/05/2024 16:30").get().ukLocal.description == "2024-05-02T17:30")  // BST
        #expect(try map.moment("10/01/2024 16:30").get().ukLocal.description == "2024-01-10T16:30")  // GMT
        map.timeZone = TimeZone(identifier: "America/New_York")
        #expect(try map.moment("10/01/2024 11:30").get().ukLocal.description == "2024-01-10T16:30")
        #expect(try map.moment("10/01/2024").get().description == "2024-01-10")  // a date alone has no zone
        // ISO date-times without an offset (as a workbook's date cells come) are in the zone too.
        map.timeZone = TimeZone(identifier: "UTC")
        #expect(try map.moment("2024-05-02T16:30").get().ukLocal.description == "2024-05-02T17:30")
        #expect(try map.moment("2024-05-02T16:30+02:00").get().ukLocal.description == "2024-05-02T15:30")  // its own offset wins
        // The map's format comes first; ISO only when the text does not fit it.
        map.dateFormat = try DateFormat.parse("YYYY-DD-MM").get()
        #expect(try map.moment("2025-02-06").get().description == "2025-06-02")
        #expect(try map.moment("2025-31-12").get().description == "2025-12-31")
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
