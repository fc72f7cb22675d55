/// The closed vocabulary of timeline events (`timeline.md`).
package enum EventType: String, CaseIterable, Sendable, Codable {
    case complaintReceived = "complaint-received"
    case acknowledged
    case response
    case `extension`
    case hold
    case resume
    case escalationRequested = "escalation-requested"
    case escalationRefused = "escalation-refused"
    case excluded
    case withdrawn
    case referredToOmbudsman = "referred-to-ombudsman"
    case note

    package static var names: [String] { allCases.map(\.rawValue) }

    /// The fields an event of this type may carry beyond `date` and `type`.
    package var fields: [String] {
        switch self {
        case .complaintReceived: ["stage", "points", "channel", "incident-date"]
        case .acknowledged: ["stage", "handler"]
        case .response: ["stage", "addresses", "includes", "handler", "final"]
        case .extension: ["stage", "to", "days", "reason", "good-reason", "ombudsman-details"]
        case .hold, .resume: ["stage", "agreed", "reason"]
        case .escalationRequested: ["points", "stage", "channel"]
        case .escalationRefused: ["reason", "ombudsman-rights-explained"]
        case .excluded: ["reason", "ombudsman-rights-explained"]
        case .withdrawn, .referredToOmbudsman: []
        case .note: ["text"]
        }
    }

    /// Whether the event belongs to a stage (and so takes `stage`, inferred when absent).
    package var isStaged: Bool {
        switch self {
        case .acknowledged, .response, .extension, .hold, .resume: true
        default: false
        }
    }

    /// How a person reads the event, e.g. "acknowledgement".
    package var noun: String {
        switch self {
        case .complaintReceived: "receipt of the complaint"
        case .acknowledged: "acknowledgement"
        case .response: "response"
        case .extension: "extension"
        case .hold: "hold"
        case .resume: "resumption"
        case .escalationRequested: "escalation request"
        case .escalationRefused: "refusal to escalate"
        case .excluded: "exclusion"
        case .withdrawn: "withdrawal"
        case .referredToOmbudsman: "referral to the Ombudsman"
        case .note: "note"
        }
    }
}
