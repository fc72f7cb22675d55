import Foundation
import Testing
import WorkingDays

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `Checker.forThread` gives each checking thread its own rules and calendars; a replica must
/// judge exactly as the original does, share none of the objects a check retains, and count
/// as the same rules in a report.
@Suite struct CheckerForThreadTests {
    func checkers() throws -> (Checker, Checker) {
        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2026-11-23")))
        return (checker, checker.forThread())
    }

    @Test func aReplicaJudgesAlikeAndSharesNothingACheckRetains() throws {
        let (checker, replica) = try checkers()
        #expect(checker.library.packs.map(\.id) == replica.library.packs.map(\.id))
        for (pack, copy) in zip(checker.library.packs, replica.library.packs) {
            #expect(pack !== copy)
            #expect(pack.rules.map(\.id) == copy.rules.map(\.id))
            for (rule, ruleCopy) in zip(pack.rules, copy.rules) { #expect(rule !== ruleCopy) }
        }
        for region in Region.allCases { #expect(checker.calendars.calendar(region) !== replica.calendars.calendar(region)) }
        let batch = TimelineBatch.load(paths: [path("Examples")])
        #expect(batch.entries.count > 10)
        var findings = 0
        for entry in batch.entries {
            let a = checker.check(entry.complaint)
            let b = replica.check(entry.complaint)
            #expect(a.packs == b.packs)
            #expect(a.evaluations.map(\.rule.id) == b.evaluations.map(\.rule.id))
            #expect(a.evaluations.map(\.outcome) == b.evaluations.map(\.outcome))
            #expect(a.evaluations.map(\.timing) == b.evaluations.map(\.timing))
            #expect(a.findings.map(\.message) == b.findings.map(\.message))
            #expect(a.findings.map(\.fingerprint) == b.findings.map(\.fingerprint))
            findings += a.findings.count
        }
        #expect(findings > 10)
    }

    @Test func aReportFromTwoReplicasCountsEachRuleOnce() throws {
        let (checker, replica) = try checkers()
        let calendars = try CalendarSetup()
        func accumulator() -> PerformanceReport.Accumulator {
            PerformanceReport.Accumulator(from: date("2024-04-01"), to: date("2026-11-23"), asOf: date("2026-11-23"), homes: 1000) { _ in
                calendars.calendar(.englandAndWales)
            }
        }
        var one = accumulator()
        var two = accumulator()
        for (n, entry) in TimelineBatch.load(paths: [path("Examples")]).entries.enumerated() {
            one.add(checker.check(entry.complaint))
            two.add((n % 2 == 0 ? checker : replica).check(entry.complaint))
        }
        let single = one.finish(inputErrors: 0)
        let mixed = two.finish(inputErrors: 0)
        #expect(!single.rules.isEmpty)
        #expect(mixed.rules.map(\.rule) == single.rules.map(\.rule))
        #expect(
            mixed.rules.map { [$0.evaluated, $0.compliant, $0.breached, $0.notEvaluable, $0.pending] }
                == single.rules.map { [$0.evaluated, $0.compliant, $0.breached, $0.notEvaluable, $0.pending] })
    }
}
