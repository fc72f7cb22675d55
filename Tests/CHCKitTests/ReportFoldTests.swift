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
    /// With `hazards`, that many hazard cases too (a `risk` column added): some emergencies made
    /// safe in time or late, significant ones investigated and answered in time or late.
    static func log(count: Int, hazards: Int = 0) -> String {
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
        if hazards > 0 { rows = rows.map { $0 + "," } }
        for n in 0..<hazards {
            let aware = date("2025-11-03").dayNumber + Int.random(in: 0..<300, using: &random)
            func day(_ offset: Int) -> String { CivilDate(dayNumber: aware + offset).description }
            if n % 3 == 0 {
                rows.append("H\(n),\(day(0))T10:00,became-aware,,fire,emergency")
                if Bool.random(using: &random) { rows.append("H\(n),\(day(Int.random(in: 0...2, using: &random)))T09:00,made-safe,,fire,") }
            } else {
                rows.append("H\(n),\(day(0)),became-aware,,damp-and-mould,significant")
                rows.append("H\(n),\(day(Int.random(in: 7...20, using: &random))),investigation-concluded,,damp-and-mould,")
                rows.append("H\(n),\(day(Int.random(in: 21...28, using: &random))),summary-sent,,damp-and-mould,")
            }
        }
        rows.shuffle(using: &random)
        return "complaint_id,date,event,stage,category" + (hazards > 0 ? ",risk" : "") + "\n" + rows.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [0, 120])
    func sumsMergedFromThreadsAreOneRunningTotal(hazards: Int) throws {
        let file = try temporaryCSV(Self.log(count: 600, hazards: hazards))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let asOf = date("2026-11-23")
        let checker = Checker(library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: asOf))
        let empty = PerformanceReport.Accumulator(from: date("2024-04-01"), to: asOf, asOf: asOf, homes: 5000) { _ in WorkingDayCalendar() }

        var one = empty
        for entry in TimelineBatch.load(paths: [file]).entries { one.add(checker.check(entry.complaint)) }
        let expected = JSONFormat().render(one.finish(inputErrors: 0), title: "")
        #expect(expected.contains("\"complaints\" : 600"), "\(expected.prefix(400))")
        // Hazard cases are summed apart, and merge like the rest.
        #expect(expected.contains("\"hazards\"") == (hazards > 0))
        if hazards > 0 { #expect(one.finish(inputErrors: 0).hazards.map { $0.cases > 0 && $0.rules.count >= 3 } == true) }

        for workers in [1, 2, 3] {
            var session = CheckSession(checker: checker)
            session.stream.workers = workers
            let (total, errors, _) = session.fold(paths: [file], into: empty, { $0.add($1) }, merge: { $0.merge($1) })
            #expect(errors.isEmpty, "\(errors)")
            #expect(JSONFormat().render(total.finish(inputErrors: 0), title: "") == expected, "workers: \(workers)")
        }
    }
}
