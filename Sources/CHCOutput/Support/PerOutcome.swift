import CHCChecks

/// One value for each outcome, taken by a switch: a formatter writes one for each of a
/// complaint's fifteen evaluations, and a dictionary keyed by `Outcome` hashed the outcome's name
/// each time (6% of a JSON run's instructions).
struct PerOutcome<Value: Sendable>: Sendable {
    private let compliant, breach, notEvaluable, pending, notApplicable: Value

    init(_ make: (Outcome) -> Value) {
        compliant = make(.compliant)
        breach = make(.breach)
        notEvaluable = make(.notEvaluable)
        pending = make(.pending)
        notApplicable = make(.notApplicable)
    }

    subscript(_ outcome: Outcome) -> Value {
        switch outcome {
        case .compliant: compliant
        case .breach: breach
        case .notEvaluable: notEvaluable
        case .pending: pending
        case .notApplicable: notApplicable
        }
    }
}
