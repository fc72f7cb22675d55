import WorkingDays

/// Checks a landlord's complaints-process config against one Code's policy-level provisions.
public struct Linter: Sendable {
    public let code: RulePack

    public init(code: RulePack) { self.code = code }

    public func lint(_ config: PolicyConfig) -> LintReport {
        let entries = LintCatalogue.rules(for: code).map { (rule: $0, verdict: $0.evaluate(config)) }
        var notes: [String] = []
        if let claimed = config.code, claimed != code.id {
            notes.append("the config says it follows \(claimed); it was checked against \(code.id)")
        }
        return LintReport(config: config, code: code, entries: entries, notes: notes)
    }
}

/// The result of `chc lint`: each provision's verdict, in the Code's order.
public struct LintReport: Sendable {
    public let config: PolicyConfig
    public let code: RulePack
    public let entries: [(rule: LintRule, verdict: LintVerdict)]
    public let notes: [String]

    public var problems: [(rule: LintRule, problem: LintProblem)] {
        entries.compactMap { if case let .notMet(problem) = $0.verdict { return ($0.rule, problem) } else { return nil } }
    }

    /// The verdicts as findings, for the machine formats shared with `chc check`.
    public var findings: [Finding] {
        let subject = config.landlord ?? config.id
        return entries.compactMap { entry -> Finding? in
            let rule = entry.rule
            let citation = Finding.Citation(paragraph: rule.paragraph, summary: rule.requirement, url: rule.url, source: rule.confidence.rawValue)
            switch entry.verdict {
            case .met: return nil
            case let .notMet(problem):
                return Finding(complaint: subject, rule: rule.id, pack: code.id, check: .init(kind: "policy-provision", event: problem.key, stage: nil),
                               severity: rule.severity, status: .breach,
                               message: "`\(problem.says)`: \(problem.why) (the Code: \(rule.requirement.dropLast()))",
                               anchor: nil, due: nil, actual: nil, workingDaysTaken: nil, workingDaysLate: nil, citation: citation,
                               location: config.location(of: problem.key), hint: nil)
            case let .notStated(add):
                return Finding(complaint: subject, rule: rule.id, pack: code.id, check: .init(kind: "policy-provision", event: nil, stage: nil),
                               severity: .note, status: .notEvaluable,
                               message: "not stated: \(rule.requirement) Add \(add.map { "`\($0)`" }.joined(separator: ", ")).",
                               anchor: nil, due: nil, actual: nil, workingDaysTaken: nil, workingDaysLate: nil, citation: citation,
                               location: config.location(of: ""), hint: "Add \(add.joined(separator: ", ")) to the config.")
            }
        }.sorted { ($0.location, $0.rule) < ($1.location, $1.rule) }
    }

    /// The lint result in the shape `chc check` reports use, so SARIF, JUnit, GitHub and CSV
    /// output work the same for both commands.
    public func asCheckReport(asOf: CivilDate) -> CheckReport {
        let subject = config.landlord ?? config.id
        let complaint = Complaint(id: subject, events: [], location: SourceLocation(file: config.file, line: 1, column: 1))
        let all = findings
        let evaluations = entries.map { entry -> RuleEvaluation in
            let rule = Rule(id: entry.rule.id, paragraph: entry.rule.paragraph, summary: entry.rule.requirement, severity: entry.rule.severity,
                            confidence: entry.rule.confidence, url: entry.rule.url, note: nil, hint: nil, check: .policyProvision(key: nil),
                            examples: [], location: SourceLocation(file: code.file, line: 1, column: 1))
            let outcome: Outcome = switch entry.verdict {
            case .met: .compliant
            case .notMet: .breach
            case .notStated: .notEvaluable
            }
            return RuleEvaluation(rule: rule, pack: code.id, outcome: outcome, findings: all.filter { $0.rule == entry.rule.id },
                                  openDeadline: nil, timing: nil)
        }
        return CheckReport(asOf: asOf, results: [(file: config.file, result: ComplaintResult(complaint: complaint, packs: [code.id], evaluations: evaluations))],
                           inputErrors: [])
    }

    /// 2 is never returned here (bad input is reported before linting); 1 when a provision is not met at or above `failOn`.
    public func exitCode(failOn: Severity?) -> Int32 {
        guard let failOn else { return 0 }
        return problems.contains { $0.rule.severity >= failOn } ? 1 : 0
    }
}
