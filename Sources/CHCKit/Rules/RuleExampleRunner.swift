import WorkingDays

/// Runs a pack's rule examples: a `breach` example must make its rule report a breach (or an
/// overdue deadline); a `compliant` example must leave the rule met.
public struct RuleExampleRunner: Sendable {
    public struct Failure: Sendable, CustomStringConvertible {
        public let rule: String
        public let example: RuleExample
        public let outcome: Outcome
        public let findings: [Finding]

        public var description: String {
            let got = findings.isEmpty ? "no findings" : findings.map { "\($0.status.rawValue): \($0.message)" }.joined(separator: "; ")
            return "\(example.location): example of rule \(rule) expected \(example.expectation.rawValue), got \(outcome.rawValue) (\(got))"
        }
    }

    public let calendars: CalendarSetup

    public init(calendars: CalendarSetup) { self.calendars = calendars }

    /// Every failing example of `pack` (empty when all pass), and how many ran.
    public func run(_ pack: RulePack) -> (ran: Int, failures: [Failure]) {
        var failures: [Failure] = []
        var ran = 0
        for rule in pack.rules {
            for example in rule.examples {
                ran += 1
                let evaluation = Checker.evaluate(rule, of: example.complaint, pack: pack,
                                                  calendar: calendars.calendar(example.complaint.calendar ?? pack.calendar), asOf: example.asOf)
                let breached = evaluation.findings.contains { $0.status != .notEvaluable && $0.severity != .note }
                let passed = switch example.expectation {
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
