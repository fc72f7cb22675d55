import CHCIngest
import CHCModel
import WorkingDays

/// Checks a landlord's complaints-process config against one Code's policy-level provisions.
package struct Linter: Sendable {
    package let code: RulePack

    package init(code: RulePack) { self.code = code }

    package func lint(_ config: PolicyConfig) -> LintReport {
        let entries = LintCatalogue.rules(for: code).map { (rule: $0, verdict: $0.evaluate(config)) }
        var notes: [String] = []
        if let claimed = config.code, claimed != code.id {
            notes.append("the config says it follows \(claimed); it was checked against \(code.id)")
        }
        return LintReport(config: config, code: code, entries: entries, notes: notes)
    }
}

/// The result of `chc lint`: each provision's verdict, in the Code's order.
package struct LintReport: Sendable {
    package let config: PolicyConfig
    package let code: RulePack
    package let entries: [(rule: LintRule, verdict: LintVerdict)]
    package let notes: [String]

    package var problems: [(rule: LintRule, problem: LintProblem)] {
        entries.compactMap { if case .notMet(let problem) = $0.verdict { return ($0.rule, problem) } else { return nil } }
    }

    /// The verdicts as findings, for the machine formats shared with `chc check`.
    package var findings: [Finding] {
        let subject = config.landlord ?? config.id
        return entries.compactMap { entry -> Finding? in
            let rule = entry.rule
            let citation = Finding.Citation(
                paragraph: rule.paragraph, summary: rule.requirement, url: rule.url, source: rule.confidence.rawValue)
            switch entry.verdict {
            case .met: return nil
            case .notMet(let problem):
                return Finding(
                    complaint: subject, rule: rule.id, pack: code.id,
                    check: .init(kind: "policy-provision", event: problem.key, stage: nil),
                    severity: rule.severity, status: .breach,
                    message: "`\(problem.says)`: \(problem.why) (the Code: \(rule.requirement.dropLast()))",
                    anchor: nil, due: nil, actual: nil, workingDaysTaken: nil, workingDaysLate: nil, citation: citation,
                    location: config.location(of: problem.key), hint: nil)
            case .notStated(let add):
                return Finding(
                    complaint: subject, rule: rule.id, pack: code.id, check: .init(kind: "policy-provision", event: nil, stage: nil),
                    severity: .note, status: .notEvaluable,
                    message: "not stated: \(rule.requirement) Add \(add.map { "`\($0)`" }.joined(separator: ", ")).",
                    anchor: nil, due: nil, actual: nil, workingDaysTaken: nil, workingDaysLate: nil, citation: citation,
                    location: config.location(of: ""), hint: "Add \(add.joined(separator: ", ")) to the config.")
            }
        }.sorted { ($0.location, $0.rule) < ($1.location, $1.rule) }
    }

    /// 2 is never returned here (bad input is reported before linting); 1 when a provision is not met at or above `failOn`.
    package func exitCode(failOn: Severity?) -> Int32 {
        guard let failOn else { return 0 }
        return problems.contains { $0.rule.severity >= failOn } ? 1 : 0
    }
}
