import Foundation
import Testing

@testable import CHCIngest
@testable import CHCModel

/// Excel workbooks as housing systems export them, read as CSV exports are. The fixtures are
/// written by openpyxl (`Fixtures/xlsx/make_workbooks.py`): shared and inline strings, dates as
/// serial numbers, empty cells, a formula, a second sheet.
@Suite struct WorkbookTests {
    static let fixtures = "Tests/CHCKitTests/Fixtures/xlsx/"

    @Test func aWorkbookGivesTheFindingsTheSameCSVGives() throws {
        let fromCSV = try CommandLineTests.run(["check", "Examples/csv/events.csv", "--as-of", "2026-11-23", "--format", "csv"])
        let fromExcel = try CommandLineTests.run([
            "check", Self.fixtures + "events.xlsx", "--sheet", "Events", "--as-of", "2026-11-23", "--format", "csv",
        ])
        #expect(fromCSV.status == 1 && fromCSV.out.utf8.filter { $0 == 10 }.count > 3)
        #expect(fromExcel.status == fromCSV.status, "\(fromExcel.err)")
        #expect(
            fromExcel.out.replacingOccurrences(of: Self.fixtures + "events.xlsx", with: "Examples/csv/events.csv") == fromCSV.out,
            "\(fromExcel.out)")
    }

    @Test func aFolderWalkReadsWorkbooksAndPassesOverExcelsLockFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-xlsx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: path(Self.fixtures + "events.xlsx"), toPath: folder + "/January.xlsx")
        try Data("lock".utf8).write(to: URL(fileURLWithPath: folder + "/~$January.xlsx"))
        let run = try CommandLineTests.run(["check", folder, "--sheet", "Events", "--as-of", "2026-11-23"])
        #expect(run.status == 1, "\(run.out)\(run.err)")
        #expect(run.out.contains("\n2 complaints, "), "\(run.out)")
        // Its first sheet is notes, not an event log: found in a folder, the workbook is skipped
        // and named (and then there is nothing to check); named on the command line, an error.
        let notes = try CommandLineTests.run(["check", folder, "--as-of", "2026-11-23"])
        #expect(notes.out.contains("skipped \(folder)/January.xlsx: a workbook whose sheet `Notes` has none of"), "\(notes.out)")
        #expect(notes.status == 2 && notes.err.contains("nothing to check"), "\(notes.err)")
    }

    @Test func cellsAreReadByTheirType() throws {
        var map = ColumnMap()
        map.sheet = "Events"
        var complaints: [Complaint] = []
        let (errors, _) = WorkbookEventLog.stream(path(Self.fixtures + "events.xlsx"), map: map) { complaints.append($0) }
        #expect(errors.isEmpty, "\(errors)")
        #expect(complaints.map(\.id) == ["CSV-0001", "CSV-0002"])
        let first = try #require(complaints.first)
        #expect(first.category == "damp-and-mould")  // a formula's cached value
        #expect(first.receivedDate?.description == "2025-01-06")  // a date cell: serial 45663
        #expect(first.receipt?.details.points == ["leak", "mould"])  // a shared string
        #expect(complaints[1].receipt?.details.channel == "email")  // an inline string
        #expect(complaints[1].events.first { $0.type == .extension }?.details.extensionDays == 10)  // a number
    }

    @Test(arguments: [
        (45663.0, false, "2025-01-06"), (45663.4375, false, "2025-01-06T10:30"), (45663.437511574, false, "2025-01-06T10:30:01"),
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"), (0.0, true, "1904-01-01"),
        (43830.0, true, "2024-01-01"),
    ])
    func excelSerialDaysAreDates(serial: Double, date1904: Bool, expected: String) {
        #expect(Workbook.date(serial: serial, date1904: date1904) == expected)
    }

    @Test(arguments: [
        (["events.xlsx"], "the header has no column `complaint_id`"),
        (["events.xlsx", "--sheet", "Nope"], "has no sheet `Nope` (its sheets: `Notes`, `Events`)"),
        (["not-a-zip.xlsx"], "is not an Excel workbook (.xlsx): it is not a zip file"),
        (["cut-short.xlsx", "--sheet", "Events"], "sheet `Events` is cut short or not well-formed XML"),
        // Found by FuzzWorkbook: a deflate stream cut short made ZIPFoundation loop for ever.
        (["damaged.xlsx"], "is not an Excel workbook chc can read: xl/sharedStrings.xml is damaged (its compressed data is cut short)"),
        (
            ["bomb.xlsx", "--max-unzipped-mb", "1"],
            "unzips to more than the 1 MiB limit for a workbook (a zip bomb?); raise it with --max-unzipped-mb"
        ),
    ])
    func aBadWorkbookIsAClearErrorAndExitsTwo(arguments: [String], says: String) throws {
        let run = try CommandLineTests.run(["check", Self.fixtures + arguments[0]] + arguments.dropFirst() + ["--as-of", "2026-11-23"])
        #expect(run.status == 2, "\(run.err)")
        #expect((run.out + run.err).contains(says), "\(run.out)\(run.err)")  // text output shows input problems
    }
}
