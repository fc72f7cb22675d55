/// The closed vocabulary of timeline events: a complaint's, and a hazard case's (Awaab's Law:
/// the landlord becomes aware of a hazard, investigates, tells the resident, makes it safe).
///
/// Public, like the other types the checks query on every event (`Complaint`, `EventKey`,
/// `EventIndices`, `TimelineEvent`): the optimiser inlines a module's code into another only
/// when it is public and `@inlinable`, and these small queries cost a fifth of a check's time
/// when each is a call. Their other members stay `package`.
public enum EventType: String, CaseIterable, Sendable, Codable {
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
    // A hazard case's events (docs/hazards.md).
    case becameAware = "became-aware"
    case investigationConcluded = "investigation-concluded"
    case summarySent = "summary-sent"
    case madeSafe = "made-safe"
    case safetyWorkStarted = "safety-work-started"
    case safetyWorkCompleted = "safety-work-completed"
    case furtherWorkStarted = "further-work-started"
    case alternativeAccommodationOffered = "alternative-accommodation-offered"
    case alternativeAccommodationAccepted = "alternative-accommodation-accepted"
    case residentDelay = "resident-delay"

    package static var names: [String] { allCases.map(\.rawValue) }

    /// The fields an event of this type may carry beyond `date` and `type`.
    package var fields: [String] {
        switch self {
        case .complaintReceived: ["stage", "points", "channel", "incident-date"]
        case .acknowledged: ["stage", "handler", "optional"]
        case .response: ["stage", "addresses", "includes", "handler", "final", "optional"]
        case .extension: ["stage", "to", "days", "reason", "good-reason", "ombudsman-details", "optional"]
        case .hold, .resume: ["stage", "agreed", "reason", "optional"]
        case .escalationRequested: ["points", "stage", "channel"]
        case .escalationRefused: ["reason", "ombudsman-rights-explained"]
        case .excluded: ["reason", "ombudsman-rights-explained"]
        case .withdrawn, .referredToOmbudsman: []
        case .note: ["text"]
        case .becameAware: ["risk", "channel"]
        case .investigationConcluded: ["risk", "hazard-found"]
        case .summarySent, .madeSafe, .safetyWorkStarted, .safetyWorkCompleted, .furtherWorkStarted: []
        case .alternativeAccommodationOffered, .alternativeAccommodationAccepted: []
        case .residentDelay: ["reason"]
        }
    }

    /// Whether the event belongs to a stage (and so takes `stage`, inferred when absent).
    @inlinable public var isStaged: Bool {
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
        case .becameAware: "the landlord becoming aware of the hazard"
        case .investigationConcluded: "the investigation concluding"
        case .summarySent: "written summary to the resident"
        case .madeSafe: "making safe"
        case .safetyWorkStarted: "start of the safety work"
        case .safetyWorkCompleted: "completion of the safety work"
        case .furtherWorkStarted: "start of the further work"
        case .alternativeAccommodationOffered: "offer of alternative accommodation"
        case .alternativeAccommodationAccepted: "move to alternative accommodation"
        case .residentDelay: "delay caused by the resident"
        }
    }

    /// What happened, as a hazard case's finding says it ("made safe Sun 9 Nov 2025 09:00").
    package var happened: String {
        switch self {
        case .becameAware: "became aware"
        case .investigationConcluded: "investigation concluded"
        case .summarySent: "summary sent"
        case .madeSafe: "made safe"
        case .safetyWorkStarted: "safety work started"
        case .safetyWorkCompleted: "safety work completed"
        case .furtherWorkStarted: "further work started"
        case .alternativeAccommodationOffered: "alternative accommodation offered"
        case .alternativeAccommodationAccepted: "moved to alternative accommodation"
        case .residentDelay: "delay caused by the resident"
        default: noun
        }
    }

    /// What is awaited, as a hazard case's finding names it ("not made safe in time").
    package var awaited: String {
        switch self {
        case .investigationConcluded: "investigation"
        case .summarySent: "written summary"
        case .madeSafe: "making safe"
        case .safetyWorkStarted: "safety work"
        case .furtherWorkStarted: "further work"
        default: noun
        }
    }

    /// Whether the event belongs to a hazard case rather than a complaint.
    package var isHazardEvent: Bool {
        switch self {
        case .becameAware, .investigationConcluded, .summarySent, .madeSafe, .safetyWorkStarted, .safetyWorkCompleted,
            .furtherWorkStarted, .alternativeAccommodationOffered, .alternativeAccommodationAccepted, .residentDelay:
            true
        default: false
        }
    }
}

extension EventType {
    /// The case's place in the vocabulary. Event types are compared on every event of every
    /// complaint, from other modules: compared inline by this number rather than through a
    /// call to the synthesised `==`.
    @inlinable public var ordinal: Int {
        switch self {
        case .complaintReceived: 0
        case .acknowledged: 1
        case .response: 2
        case .extension: 3
        case .hold: 4
        case .resume: 5
        case .escalationRequested: 6
        case .escalationRefused: 7
        case .excluded: 8
        case .withdrawn: 9
        case .referredToOmbudsman: 10
        case .note: 11
        case .becameAware: 12
        case .investigationConcluded: 13
        case .summarySent: 14
        case .madeSafe: 15
        case .safetyWorkStarted: 16
        case .safetyWorkCompleted: 17
        case .furtherWorkStarted: 18
        case .alternativeAccommodationOffered: 19
        case .alternativeAccommodationAccepted: 20
        case .residentDelay: 21
        }
    }

    @inlinable public static func == (a: EventType, b: EventType) -> Bool { a.ordinal == b.ordinal }
}
