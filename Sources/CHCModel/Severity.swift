/// How serious a finding is: `error` = the Code; `warning` = the landlord's own policy or a
/// likely issue needing review; `note` = information.
package enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case note, warning, error

    var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// How sure the project is of the provision a rule encodes (`source:` in a rule pack: confirmed, secondary, unconfirmed).
package enum Confidence: String, Sendable, Codable, CaseIterable {
    /// Read in the Code's own text, with its paragraph number.
    case confirmed
    /// Read without its paragraph number, or only in a secondary source.
    case secondary
    /// Not read anywhere authoritative.
    case unconfirmed
}
