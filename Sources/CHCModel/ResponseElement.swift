/// What a written response can declare it contains (`includes:`), per the Codes' lists of
/// what a stage response must confirm.
package enum ResponseElement: String, CaseIterable, Sendable {
    case stage, definition, decision, reasons, remedy
    case outstandingActions = "outstanding-actions"
    /// How to escalate to stage 2 (stage 1) or to the Ombudsman (stage 2).
    case escalation

    package static var names: [String] { allCases.map(\.rawValue) }

    /// A phrase for messages.
    package var phrase: String {
        switch self {
        case .stage: "the complaint stage"
        case .definition: "the complaint definition"
        case .decision: "the decision"
        case .reasons: "the reasons for the decision"
        case .remedy: "the remedy offered"
        case .outstandingActions: "any outstanding actions"
        case .escalation: "how to escalate"
        }
    }
}
