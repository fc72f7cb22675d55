import Foundation
import TestSupport
import Testing
import WorkingDays

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `chc report` sums on every checking thread and merges the sums (`CheckSession.fold`,
/// `Accumulator.merge`); the report must be the one a single running total gives.
@Suite struct ReportFoldTests {
    /// An event log of `count` complaints with seeded dates: late and timely acknowledgements
    /// and responses, escalations, open complaints, three categories; rows shuffled.
    static func log(count: Int) -> String {
        var random = SeededRandom(state: 11)
        var rows: [String] = []
        let start = date("2024-04-01").dayNumber
        for n in 0..<count {
            let received = start + Int.random(in: 0..<700, using: &random)
            func day(_ offset: Int) -> String { CivilDate(dayNumber: received + offset).description }
            let category = ["repairs", "damp", "anti-social behaviour"][n % 3]
            rows.append("K\(n),\(day(0)),complaint-received,1,\(category)")
            if Int.random(in: 0..<6, using: &random) > 0 {
                rows.append("K\(n),\(day(Int.random(in: 0...9, using: &random))),acknowledged,1,")
            }
            guard Int.random(in: 0..<5, using: &random) > 0 else { continue }  // open
            rows.append("K\(n),\(day(Int.random(in: 8...25, using: &random))),response,1,")
            guard Int.random(in: 0..<4, using: &random) == 0 else { continue }
            rows.append("K\(n),\(day(30)),escalation-requested,2,")
            rows.append("K\(n),\(day(30 + Int.random(in: 1...8, using: &random))),acknowledged,2,")
            if Bool.random(using: &random) { rows.append("K\(n),\(day(40 + Int.random(in: 10...40, using: &random))),response,2,") }
        }
        rows.shuffle(using: &random)
        return "complaint_id,date,event,stage,category\n" + rows.joined(separator: "\n") + "\n"
    }

    @Test func sumsMergedFromThreadsAreOneRunningTotal() throws {
        let file = try temporaryCSV(Self.log(count: 600))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let asOf = date("2026-11-23")
        let checker = Checker(library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: asOf))
        let empty = PerformanceReport.Accumulator(from: date("2024-04-01"), to: asOf, asOf: asOf, homes: 5000) { _ in WorkingDayCalendar() }

        var one = empty
        for entry in TimelineBatch.load(paths: [file]).entries { one.add(checker.check(entry.complaint)) }
        let expected = JSONFormat().render(one.finish(inputErrors: 0), title: "")
        #expect(expected.contains("\"complaints\" : 600"), "\(expected.prefix(400))")

        for workers in [1, 2, 3] {
            var session = CheckSession(checker: checker)
            session.stream.workers = workers
            let (total, errors, _) = session.fold(paths: [file], into: empty, { $0.add($1) }, merge: { $0.merge($1) })
            #expect(errors.isEmpty, "\(errors)")
            #expect(JSONFormat().render(total.finish(inputErrors: 0), title: "") == expected, "workers: \(workers)")
        }
    }
}
