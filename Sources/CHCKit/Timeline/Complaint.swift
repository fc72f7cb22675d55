import WorkingDays

/// A complaint and its events, sorted by date, ready to be checked. Events of the same day are
/// put in the order the process allows (receipt, stage 1 events, escalation, stage 2 events,
/// closure) and otherwise kept as written, so an export that lists a same-day escalation after
/// its acknowledgement still reads right.
public struct Complaint: Sendable {
    /// The fields live in one immutable object, so passing a complaint around (into a check,
    /// its result, a chunk of work) retains one reference instead of seven. Setting `events`
    /// (validation does, when it fills in a stage) makes a new object.
    private final class Storage: Sendable {
        let id: String
        let landlord: String?
        let calendar: Region?
        let category: String?
        let points: [(id: String, text: String)]
        let events: [TimelineEvent]
        let location: SourceLocation

        init(id: String, landlord: String?, calendar: Region?, category: String?, points: [(id: String, text: String)],
             events: [TimelineEvent], location: SourceLocation) {
            self.id = id
            self.landlord = landlord
            self.calendar = calendar
            self.category = category
            self.points = points
            self.events = events
            self.location = location
        }
    }

    private var storage: Storage

    public var id: String { storage.id }
    public var landlord: String? { storage.landlord }
    public var calendar: Region? { storage.calendar }
    public var category: String? { storage.category }
    /// The distinct issues raised, in the order given: id and description.
    public var points: [(id: String, text: String)] { storage.points }
    /// Sorted as described above when the complaint is made; a setter keeps the order it is given.
    public var events: [TimelineEvent] {
        get { storage.events }
        set {
            storage = Storage(id: id, landlord: landlord, calendar: calendar, category: category, points: points, events: newValue, location: location)
        }
    }
    /// Where the complaint starts in its input file (used for findings about missing events).
    public var location: SourceLocation { storage.location }

    public init(id: String, landlord: String? = nil, calendar: Region? = nil, category: String? = nil,
                points: [(id: String, text: String)] = [], events: [TimelineEvent], location: SourceLocation) {
        let sorted = events.sorted {
            let a = $0.sameDayRank, b = $1.sameDayRank
            return ($0.date, a.stage, a.step, $0.order) < ($1.date, b.stage, b.step, $1.order)
        }
        storage = Storage(id: id, landlord: landlord, calendar: calendar, category: category, points: points, events: sorted, location: location)
    }

    /// The receipt event (validated to exist when loaded).
    public var receipt: TimelineEvent? { events.first { $0.type == .complaintReceived } }

    /// The date the complaint was received: which Code version applies.
    public var receivedDate: CivilDate? { receipt?.date }

    /// Events of `type` (at `stage`, when given), in date order.
    public func events(_ type: EventType, stage: Int? = nil) -> [TimelineEvent] {
        events.filter { $0.type == type && (stage == nil || $0.stage == stage) }
    }

    /// The first event of `type` (at `stage`, when given).
    public func first(_ type: EventType, stage: Int? = nil) -> TimelineEvent? {
        events.first { $0.type == type && (stage == nil || $0.stage == stage) }
    }

    /// The points raised at a stage: at stage 1 those on the receipt; at stage 2 those on the
    /// escalation request (all stage 1 points when it names none).
    public func pointsRaised(atStage stage: Int) -> [String] {
        let stageOne = receipt?.points ?? points.map(\.id)
        guard stage >= 2 else { return stageOne }
        let escalations = events(.escalationRequested)
        guard !escalations.isEmpty else { return [] }
        var raised: [String] = []
        for escalation in escalations {
            for point in escalation.points ?? stageOne where !raised.contains(point) { raised.append(point) }
        }
        return raised
    }

    /// The date the complaint stopped being live (withdrawn or excluded), if it did.
    public var closedDate: CivilDate? {
        events.first { $0.type == .withdrawn || $0.type == .excluded }?.date
    }
}

extension TimelineEvent {
    /// Where the event falls among events of the same day: by stage, then by step within it.
    var sameDayRank: (stage: Int, step: Int) {
        switch type {
        case .complaintReceived: (1, 0)
        case .escalationRequested: (2, 0)
        case .escalationRefused: (2, 1)
        case .acknowledged: (stage ?? 1, 2)
        case .extension: (stage ?? 1, 3)
        case .hold: (stage ?? 1, 4)
        case .resume: (stage ?? 1, 5)
        case .response: (stage ?? 1, 6)
        case .excluded, .withdrawn, .referredToOmbudsman: (99, 0)
        case .note: (0, 0)
        }
    }
}
