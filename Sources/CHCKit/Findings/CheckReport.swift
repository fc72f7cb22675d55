import WorkingDays

/// The result of a `chc check` run: each complaint's result in a deterministic order, and the
/// inputs that could not be used.
public struct CheckReport: Sendable {
    public let asOf: CivilDate
    public let results: [(file: String, result: ComplaintResult)]
    public let inputErrors: [InputError]
    /// Fingerprints of findings recorded in a baseline: not reported again.
    public let baseline: Set<String>
    /// Files found in folders that are not timelines, and what they are.
    public let skipped: [(file: String, reason: String)]

    public init(asOf: CivilDate, results: [(file: String, result: ComplaintResult)], inputErrors: [InputError], baseline: Set<String> = [],
                skipped: [(file: String, reason: String)] = []) {
        self.asOf = asOf
        self.skipped = skipped
        self.results = results.sorted { ($0.file, $0.result.complaint.id) < ($1.file, $1.result.complaint.id) }
        self.inputErrors = inputErrors
        self.baseline = baseline
    }

    /// A complaint's findings, less those in the baseline.
    public func findings(of result: ComplaintResult) -> [Finding] {
        baseline.isEmpty ? result.findings : result.findings.filter { !baseline.contains($0.fingerprint) }
    }

    /// Every reported finding, in output order.
    public var findings: [Finding] { results.flatMap { findings(of: $0.result) } }

    /// How many findings the baseline suppressed.
    public var suppressedCount: Int {
        baseline.isEmpty ? 0 : results.reduce(0) { $0 + $1.result.findings.count } - findings.count
    }

    public struct Summary: Sendable, Codable, Equatable {
        public let complaints: Int
        public let breaches: Int
        public let errors: Int
        public let warnings: Int
        public let notes: Int
        public let notEvaluable: Int
        public let inputErrors: Int
        public let suppressedByBaseline: Int
    }

    public var summary: Summary {
        var tally = SummaryTally()
        for (_, result) in results {
            let reported = findings(of: result)
            tally.add(reported, suppressed: result.findings.count - reported.count)
        }
        return tally.summary(inputErrors: inputErrors)
    }

    /// The exit code: 2 when any input was bad, 1 when a breach is at or above `failOn`, else 0.
    public func exitCode(failOn: Severity?) -> Int32 {
        if !inputErrors.isEmpty { return 2 }
        guard let failOn else { return 0 }
        return findings.contains { $0.isBreach && $0.severity >= failOn } ? 1 : 0
    }
}
