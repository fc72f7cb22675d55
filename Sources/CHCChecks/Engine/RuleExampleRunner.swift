import CHCIngest
import CHCModel
import WorkingDays

/// Runs a pack's rule examples: a `breach` example must make its rule report a breach (or an
/// overdue deadline); a `compliant` example must leave the rule met.
package struct RuleExampleRunner: Sendable {
    package struct Failure: Sendable, CustomStringConvertible {
        package let rule: String
        package let example: RuleExample
        package let outcome: Outcome
        package let findings: [Finding]

        package var description: String {
            let got = findings.isEmpty ? "no findings" : findings.map { "\($0.status.rawValue): \($0.message)" }.joined(separator: "; ")
            return "\(example.location): example of rule \(rule) expected \(example.expectation.rawValue), got \(outcome.rawValue) (\(got))"
        }
    }

    package let calendars: CalendarSetup

    package init(calendars: CalendarSetup) { self.calendars = calendars }

    /// Every failing example of `pack` (empty when all pass), and how many ran.
    package func run(_ pack: RulePack) -> (ran: Int, failures: [Failure]) {
        var failures: [Failure] = []
        var ran = 0
        for rule in pack.rules {
            for example in rule.examples {
                ran += 1
                let evaluation = Checker.evaluate(
                    rule, of: example.complaint, pack: pack,
                    calendar: calendars.calendar(example.complaint.calendar ?? pack.calendar), asOf: example.asOf)
                let breached = evaluation.findings.contains { $0.status != .notEvaluable && $0.severity != .note }
                let passed =
                    switch example.expectation {
                    case .breach: breached
                    case .compliant: evaluation.outcome == .compliant && !breached
                    }
                if !passed {
                    failures.append(Failure(rule: rule.id, example: example, outcome: evaluation.outcome, findings: evaluation.findings))
                }
            }
        }
        return (ran, failures)
    }
}
