import CHCChecks
import CHCIngest
import CHCModel
import WorkingDays

/// The result of a `chc check` run: each complaint's result in a deterministic order, and the
/// inputs that could not be used.
package struct CheckReport: Sendable {
    package let asOf: CivilDate
    package let results: [(file: String, result: ComplaintResult)]
    package let inputErrors: [InputError]
    /// Fingerprints of findings recorded in a baseline: not reported again.
    package let baseline: Set<Fingerprint>
    /// Files found in folders that are not timelines, and what they are.
    package let skipped: [(file: String, reason: String)]
    /// Events dated after the as-of date, left out (with every event of a complaint received after it).
    package let eventsAfterAsOf: Int

    package init(
        asOf: CivilDate, results: [(file: String, result: ComplaintResult)], inputErrors: [InputError], baseline: Set<Fingerprint> = [],
        skipped: [(file: String, reason: String)] = []
    ) {
        self.asOf = asOf
        self.skipped = skipped
        // A complaint received after the as-of date is not reported; its events are counted.
        self.results = results.filter { $0.result.isJudged }.sorted {
            ($0.file, $0.result.complaint.id) < ($1.file, $1.result.complaint.id)
        }
        eventsAfterAsOf = results.reduce(0) { $0 + $1.result.eventsAfterAsOf }
        self.inputErrors = inputErrors
        self.baseline = baseline
    }

    /// A complaint's findings, less those in the baseline.
    package func findings(of result: ComplaintResult) -> [Finding] {
        baseline.isEmpty ? result.findings : result.findings.filter { !baseline.contains($0.fingerprint) }
    }

    /// Every reported finding, in output order.
    package var findings: [Finding] { results.flatMap { findings(of: $0.result) } }

    /// How many findings the baseline suppressed.
    var suppressedCount: Int {
        baseline.isEmpty ? 0 : results.reduce(0) { $0 + $1.result.findings.count } - findings.count
    }

    package struct Summary: Sendable, Codable, Equatable {
        package let complaints: Int
        /// Hazard cases checked, when there were any (left out of the JSON otherwise).
        package let hazardCases: Int?
        package let breaches: Int
        package let errors: Int
        package let warnings: Int
        package let notes: Int
        package let notEvaluable: Int
        package let inputErrors: Int
        let suppressedByBaseline: Int
        /// Events dated after the as-of date, left out as if the export had been taken then.
        package let eventsAfterAsOf: Int

        /// Findings reported: breaches, notes and rules that could not be evaluated.
        package var findings: Int { breaches + notes + notEvaluable }
    }

    package var summary: Summary {
        var tally = SummaryTally()
        for (_, result) in results {
            let reported = findings(of: result)
            tally.add(reported, suppressed: result.findings.count - reported.count, hazard: result.complaint.isHazardCase)
        }
        tally.ignore(eventsAfterAsOf: eventsAfterAsOf)
        return tally.summary(inputErrors: inputErrors)
    }

    /// The exit code: 2 when any input was bad, 1 when a breach is at or above `failOn`, else 0.
    package func exitCode(failOn: Severity?) -> Int32 {
        if !inputErrors.isEmpty { return 2 }
        guard let failOn else { return 0 }
        return findings.contains { $0.isBreach && $0.severity >= failOn } ? 1 : 0
    }
}
