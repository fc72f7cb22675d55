import WorkingDays

/// The closed set of check kinds the engine knows (`rules.md`). A rule is one of these with
/// its parameters; there is no expression language.
public enum RuleCheck: Sendable {
    case deadline(DeadlineCheckSpec)
    case allPointsAnswered(stage: Int)
    case responseIncludes(stage: Int, elements: [String])
    case differentHandler(stage: Int, earlierStage: Int)
    case forbiddenEvent(ForbiddenEventSpec)
    case maxStages(Int)
    case extensionNotice(stage: Int)
    /// A provision of a landlord's complaints-process config, checked by `chc lint`.
    case policyProvision(key: String?)

    /// The kind's name as written in rule files and findings.
    public var kind: String {
        switch self {
        case .deadline: "deadline"
        case .allPointsAnswered: "all-points-answered"
        case .responseIncludes: "response-includes"
        case .differentHandler: "different-handler"
        case .forbiddenEvent: "forbidden-event"
        case .maxStages: "max-stages"
        case .extensionNotice: "extension-notice"
        case .policyProvision: "policy-provision"
        }
    }

    public static let kinds = ["deadline", "all-points-answered", "response-includes", "different-handler",
                               "forbidden-event", "max-stages", "extension-notice"]

    /// The event and stage the rule is about, for grouping findings without parsing ids.
    public var subject: (event: EventType?, stage: Int?) {
        switch self {
        case let .deadline(spec): (spec.event, spec.stage)
        case let .allPointsAnswered(stage): (.response, stage)
        case let .responseIncludes(stage, _): (.response, stage)
        case let .differentHandler(stage, _): (.response, stage)
        case let .forbiddenEvent(spec): (spec.event, nil)
        case .maxStages: (nil, nil)
        case let .extensionNotice(stage): (.extension, stage)
        case .policyProvision: (nil, nil)
        }
    }
}

/// Where a deadline runs from: an event (at a stage).
public struct Anchor: Sendable, Hashable, CustomStringConvertible {
    public let event: EventType
    public let stage: Int?

    public init(event: EventType, stage: Int?) {
        self.event = event
        self.stage = stage
    }

    public var description: String { stage.map { "stage \($0) \(event.rawValue)" } ?? event.rawValue }
}

/// `deadline`: event E at stage s happens within N units of anchor A.
public struct DeadlineCheckSpec: Sendable {
    public let event: EventType
    public let stage: Int
    public let anchor: Anchor
    public let within: Span
    public let extensionLimit: ExtensionLimit?

    public init(event: EventType, stage: Int, anchor: Anchor, within: Span, extensionLimit: ExtensionLimit?) {
        self.event = event
        self.stage = stage
        self.anchor = anchor
        self.within = within
        self.extensionLimit = extensionLimit
    }
}

/// How far a stage's response deadline may be extended without good reason.
public struct ExtensionLimit: Sendable {
    public let max: Span
    /// The paragraph that sets the limit, cited in extension findings.
    public let paragraph: String?
}

/// `forbidden-event`: an event that should not happen (optionally: unless a field is true).
public struct ForbiddenEventSpec: Sendable {
    public let event: EventType
    /// A yes/no field of the event that makes it acceptable when true (e.g. `ombudsman-rights-explained`).
    public let unlessField: String?
}
