import CHCChecks
import CHCModel

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

/// One value for each severity, taken by a switch (CSV writes one for every finding).
struct PerSeverity<Value: Sendable>: Sendable {
    private let note, warning, error: Value

    init(_ make: (Severity) -> Value) {
        note = make(.note)
        warning = make(.warning)
        error = make(.error)
    }

    subscript(_ severity: Severity) -> Value {
        switch severity {
        case .note: note
        case .warning: warning
        case .error: error
        }
    }
}

/// One value for each finding status, taken by a switch (CSV writes one for every finding).
struct PerStatus<Value: Sendable>: Sendable {
    private let breach, overdue, notEvaluable: Value

    init(_ make: (Finding.Status) -> Value) {
        breach = make(.breach)
        overdue = make(.overdue)
        notEvaluable = make(.notEvaluable)
    }

    subscript(_ status: Finding.Status) -> Value {
        switch status {
        case .breach: breach
        case .overdue: overdue
        case .notEvaluable: notEvaluable
        }
    }
}
