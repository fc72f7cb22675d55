import WorkingDays

/// One event in a complaint's timeline, with where it was written.
///
/// A class, because checks pass events around constantly and copying an eighteen-field struct
/// showed in profiles; immutable, because Swift checks every access to a class's `var`
/// properties for exclusivity at run time, which a profile put at a tenth of a check run.
/// Readers fill in an `EventDetails` and make the event from it once.
public final class TimelineEvent: Sendable {
    public let type: EventType
    public let moment: Moment
    /// Everything but the type, date and place, as the reader filled it in (kept whole, so
    /// making an event moves one value instead of copying sixteen).
    public let details: EventDetails
    /// Where the event starts in its input file.
    public let location: SourceLocation
    /// Position in the input, to keep sorting by date stable.
    public let order: Int

    public var date: CivilDate { moment.date }
    /// The stage (1 or 2; higher stages are kept so `max-stages` can report them).
    public var stage: Int? { details.stage }
    public var points: [String]? { details.points }
    public var addresses: [String]? { details.addresses }
    public var includes: [String]? { details.includes }
    public var handler: String? { details.handler }
    public var isFinal: Bool? { details.isFinal }
    public var extendedTo: CivilDate? { details.extendedTo }
    public var extensionDays: Int? { details.extensionDays }
    public var reason: String? { details.reason }
    public var goodReason: Bool? { details.goodReason }
    public var ombudsmanDetails: Bool? { details.ombudsmanDetails }
    public var agreed: Bool? { details.agreed }
    public var channel: String? { details.channel }
    public var incidentDate: CivilDate? { details.incidentDate }
    public var ombudsmanRightsExplained: Bool? { details.ombudsmanRightsExplained }
    public var text: String? { details.text }

    public init(type: EventType, moment: Moment, details: EventDetails = EventDetails(), location: SourceLocation, order: Int) {
        self.type = type
        self.moment = moment
        self.details = details
        self.location = location
        self.order = order
    }

    /// The same event at `stage` (for an event whose stage the timeline left implicit).
    public func atStage(_ stage: Int) -> TimelineEvent {
        var details = details
        details.stage = stage
        return TimelineEvent(type: type, moment: moment, details: details, location: location, order: order)
    }
}
