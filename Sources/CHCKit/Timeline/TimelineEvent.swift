import WorkingDays

/// One event in a complaint's timeline, with where it was written.
/// A class: checks pass events around constantly, and copying an eighteen-field struct showed in profiles.
/// Events are filled in by the readers and not changed once a complaint is built.
public final class TimelineEvent: @unchecked Sendable {
    public var type: EventType
    public var moment: Moment
    /// The stage (1 or 2; higher stages are kept so `max-stages` can report them).
    public var stage: Int?
    public var points: [String]?
    public var addresses: [String]?
    public var includes: [String]?
    public var handler: String?
    public var isFinal: Bool?
    public var extendedTo: CivilDate?
    public var extensionDays: Int?
    public var reason: String?
    public var goodReason: Bool?
    public var ombudsmanDetails: Bool?
    public var agreed: Bool?
    public var channel: String?
    public var incidentDate: CivilDate?
    public var ombudsmanRightsExplained: Bool?
    public var text: String?
    /// Where the event starts in its input file.
    public var location: SourceLocation
    /// Position in the input, to keep sorting by date stable.
    public var order: Int

    public var date: CivilDate { moment.date }

    public init(type: EventType, moment: Moment, stage: Int? = nil, location: SourceLocation, order: Int) {
        self.type = type
        self.moment = moment
        self.stage = stage
        self.location = location
        self.order = order
    }
}
