import WorkingDays

/// The fields an event may carry beyond its type and date (docs/timelines.md), as a value that a
/// reader fills in before it makes the `TimelineEvent`. Inlinable, so that the CSV reader builds
/// it in place inside the event rather than in a temporary copied in (6% of a CSV run's
/// instructions, mostly reference counting, when it was a call).
@usableFromInline package struct EventDetails: Sendable {
    /// The stage (1 or 2; higher stages are kept so `max-stages` can report them).
    @usableFromInline package var stage: Int?
    /// Points raised (on a complaint or an escalation).
    @usableFromInline package var points: [String]?
    /// Points a response addresses.
    @usableFromInline package var addresses: [String]?
    /// What a response confirms in writing.
    @usableFromInline package var includes: [String]?
    @usableFromInline package var handler: String?
    @usableFromInline package var isFinal: Bool?
    /// An extension's new due date, or the working days it adds.
    @usableFromInline package var extendedTo: CivilDate?
    @usableFromInline package var extensionDays: Int?
    @usableFromInline package var reason: String?
    @usableFromInline package var goodReason: Bool?
    @usableFromInline package var ombudsmanDetails: Bool?
    /// Whether the resident agreed to a hold.
    @usableFromInline package var agreed: Bool?
    @usableFromInline package var channel: String?
    @usableFromInline package var incidentDate: CivilDate?
    @usableFromInline package var ombudsmanRightsExplained: Bool?
    /// For an event at a stage beyond a process's last: whether the resident could skip that stage.
    @usableFromInline package var optionalStage: Bool?
    /// A note's text.
    @usableFromInline package var text: String?
    /// A hazard's risk as the landlord assessed it: `emergency` or `significant`.
    @usableFromInline package var risk: String?
    /// Whether the investigation found a hazard (false: the duties after it do not apply).
    @usableFromInline package var hazardFound: Bool?

    @inlinable package init(
        stage: Int? = nil, points: [String]? = nil, addresses: [String]? = nil, includes: [String]? = nil, handler: String? = nil,
        isFinal: Bool? = nil, extendedTo: CivilDate? = nil, extensionDays: Int? = nil, reason: String? = nil,
        goodReason: Bool? = nil, ombudsmanDetails: Bool? = nil, agreed: Bool? = nil, channel: String? = nil,
        incidentDate: CivilDate? = nil, ombudsmanRightsExplained: Bool? = nil, text: String? = nil,
        optionalStage: Bool? = nil, risk: String? = nil, hazardFound: Bool? = nil
    ) {
        self.stage = stage
        self.points = points
        self.addresses = addresses
        self.includes = includes
        self.handler = handler
        self.isFinal = isFinal
        self.extendedTo = extendedTo
        self.extensionDays = extensionDays
        self.reason = reason
        self.goodReason = goodReason
        self.ombudsmanDetails = ombudsmanDetails
        self.agreed = agreed
        self.channel = channel
        self.incidentDate = incidentDate
        self.ombudsmanRightsExplained = ombudsmanRightsExplained
        self.optionalStage = optionalStage
        self.text = text
        self.risk = risk
        self.hazardFound = hazardFound
    }
}
