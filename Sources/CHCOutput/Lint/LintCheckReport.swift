import CHCChecks
import CHCModel
import WorkingDays

extension LintReport {
    /// The lint result in the shape `chc check` reports use, so SARIF, JUnit, GitHub and CSV
    /// output work the same for both commands.
    func asCheckReport(asOf: CivilDate) -> CheckReport {
        let subject = config.landlord ?? config.id
        let complaint = Complaint(id: subject, events: [], location: SourceLocation(file: config.file, line: 1, column: 1))
        let all = findings
        let evaluations = entries.map { entry -> RuleEvaluation in
            let rule = entry.rule.asRule(in: code)
            let outcome: Outcome =
                switch entry.verdict {
                case .met: .compliant
                case .notMet: .breach
                case .notStated: .notEvaluable
                }
            return RuleEvaluation(
                rule: rule, pack: code.id, outcome: outcome, findings: all.filter { $0.rule == entry.rule.id },
                openDeadline: nil, timing: nil)
        }
        return CheckReport(
            asOf: asOf,
            results: [(file: config.file, result: ComplaintResult(complaint: complaint, packs: [code.id], evaluations: evaluations))],
            inputErrors: [])
    }
}
