import WorkingDays

/// One event in a complaint's timeline, with where it was written.
///
/// A class, because checks pass events around constantly and copying the fields showed in
/// profiles; immutable, because Swift checks every access to a class's `var` properties for
/// exclusivity at run time, which a profile put at a tenth of a check run. The optional fields
/// live in one `EventDetails` value (`event.details.handler`). Not `@dynamicMemberLookup`: its
/// key paths were built at run time in the checks, 15% more instructions for a CSV log.
public final class TimelineEvent: Sendable {
    package let type: EventType
    @usableFromInline package let moment: Moment
    /// Everything but the type, date and place.
    package let details: EventDetails
    /// Where the event starts in its input file.
    package let location: SourceLocation
    /// Position in the input, to keep sorting by date stable.
    package let order: Int

    @inlinable public var date: CivilDate { moment.date }

    /// An event with the fields a reader filled in.
    package init(type: EventType, moment: Moment, details: EventDetails = EventDetails(), location: SourceLocation, order: Int) {
        self.type = type
        self.moment = moment
        self.details = details
        self.location = location
        self.order = order
    }

    /// The same event at `stage` (for an event whose stage the timeline left implicit).
    package func atStage(_ stage: Int) -> TimelineEvent {
        var details = details
        details.stage = stage
        return TimelineEvent(type: type, moment: moment, details: details, location: location, order: order)
    }
}
