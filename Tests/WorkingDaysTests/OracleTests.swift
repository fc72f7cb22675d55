import Foundation
import Testing

@testable import WorkingDays

/// Compares the calendar with an independent implementation: python-holidays + numpy.busday_count,
/// recorded in `Fixtures/oracle/working-days-oracle.csv` by `Fixtures/oracle/generate.py`.
@Suite struct OracleTests {
    struct Row {
        let line: Int
        let region: Region
        let from: CivilDate
        let to: CivilDate
        let count: Int
        let n: Int
        let due: CivilDate
    }

    static func rows() throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/oracle/working-days-oracle.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [Row] = []
        for (index, line) in text.split(separator: "\n").enumerated().dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            guard cells.count == 6, let region = Region(rawValue: cells[0]), let count = Int(cells[3]), let n = Int(cells[4])
            else {
                Issue.record("bad oracle row \(index + 1): \(line)")
                continue
            }
            rows.append(
                Row(
                    line: index + 1, region: region, from: try CivilDate(iso: cells[1]), to: try CivilDate(iso: cells[2]),
                    count: count, n: n, due: try CivilDate(iso: cells[5])))
        }
        return rows
    }

    @Test(arguments: Region.allCases)
    func agreesWithTheOracleOnEveryPair(region: Region) throws {
        let calendar = WorkingDayCalendar(region: region)
        let rows = try Self.rows().filter { $0.region == region }
        #expect(rows.count >= 5000)
        var disagreements: [String] = []
        for row in rows {
            let count = try calendar.workingDays(from: row.from, to: row.to)
            let due = try calendar.workingDay(row.n, after: row.from)
            if count != row.count || due != row.due {
                disagreements.append(
                    "line \(row.line): \(row.from)→\(row.to) count \(count) vs oracle \(row.count); +\(row.n) \(due) vs \(row.due)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(5))")
    }
}
