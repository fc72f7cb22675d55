import WorkingDays

/// A complaint and its events, sorted by date, ready to be checked. Events of the same day are
/// put in the order the process allows (receipt, stage 1 events, escalation, stage 2 events,
/// closure) and otherwise kept as written, so an export that lists a same-day escalation after
/// its acknowledgement still reads right.
public struct Complaint: Sendable {
    /// The fields live in one immutable object, so passing a complaint around (into a check,
    /// its result, a chunk of work) retains one reference instead of seven. Setting `events`
    /// (validation does, when it fills in a stage) makes a new object.
    ///
    /// The accessors are `@inlinable`: the checks, in another module, read them for every rule
    /// of every complaint, and a call for each read cost a fifth of a check's time.
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let id: String
        @usableFromInline let landlord: String?
        @usableFromInline let calendar: Region?
        @usableFromInline let category: String?
        /// For a complaint about a hazard: the hazard case's id (`hazard:`).
        @usableFromInline let hazard: String?
        @usableFromInline let points: [(id: String, text: String)]
        @usableFromInline let events: [TimelineEvent]
        /// Each event's type, stage and date, in the same order: scans for an event (which the
        /// checks do again and again) read plain values instead of counting references to events.
        @usableFromInline let keys: [EventKey]
        /// Whether a `became-aware` is among the events (a hazard case): asked of every case
        /// several times (its pack, its outputs), so found once here.
        @usableFromInline let isHazardCase: Bool
        let location: SourceLocation

        init(
            id: String, landlord: String?, calendar: Region?, category: String?, hazard: String?, points: [(id: String, text: String)],
            events: [TimelineEvent], location: SourceLocation
        ) {
            self.id = id
            self.landlord = landlord
            self.calendar = calendar
            self.category = category
            self.hazard = hazard
            self.points = points
            self.events = events
            keys = events.map { EventKey(type: $0.type, stage: $0.details.stage, date: $0.date) }
            isHazardCase = keys.contains { $0.type == .becameAware }
            self.location = location
        }
    }

    @usableFromInline var storage: Storage

    @inlinable public var id: String { storage.id }
    @inlinable public var landlord: String? { storage.landlord }
    @inlinable public var calendar: Region? { storage.calendar }
    @inlinable public var category: String? { storage.category }
    /// For a complaint about a hazard, the hazard case it is about.
    @inlinable public var hazard: String? { storage.hazard }
    /// Whether this is a hazard case (Awaab's Law) rather than a complaint: it starts when the
    /// landlord became aware of the hazard.
    @inlinable public var isHazardCase: Bool { storage.isHazardCase }
    /// The distinct issues raised, in the order given: id and description.
    @inlinable public var points: [(id: String, text: String)] { storage.points }
    /// Sorted as described above when the complaint is made; a setter keeps the order it is given.
    public package(set) var events: [TimelineEvent] {
        @inlinable get { storage.events }
        set {
            storage = Storage(
                id: id, landlord: landlord, calendar: calendar, category: category, hazard: hazard, points: points, events: newValue,
                location: location)
        }
    }
    /// Where the complaint starts in its input file (used for findings about missing events).
    package var location: SourceLocation { storage.location }

    package init(
        id: String, landlord: String? = nil, calendar: Region? = nil, category: String? = nil, hazard: String? = nil,
        points: [(id: String, text: String)] = [], events: consuming [TimelineEvent], location: SourceLocation
    ) {
        // Sorted in place: a reader hands over an array nothing else holds, so no copy is made.
        var sorted = consume events
        sorted.sort {
            let a = $0.sameDayRank
            let b = $1.sameDayRank
            return ($0.date, a.stage, a.step, $0.order) < ($1.date, b.stage, b.step, $1.order)
        }
        storage = Storage(
            id: id, landlord: landlord, calendar: calendar, category: category, hazard: hazard, points: points, events: sorted,
            location: location)
    }

    /// Each event's type, stage and date, in `events` order.
    @inlinable public var keys: [EventKey] { storage.keys }

    /// The receipt event (validated to exist when loaded).
    @inlinable public var receipt: TimelineEvent? { first(.complaintReceived) }

    /// The date the complaint was received, or a hazard case began (the landlord became aware of
    /// the hazard): which rules apply, and the period it is reported in.
    @inlinable public var receivedDate: CivilDate? {
        storage.keys.first { $0.type == .complaintReceived || $0.type == .becameAware }?.date
    }

    /// Events of `type` (at `stage`, when given), in date order.
    @inlinable public func events(_ type: EventType, stage: Int? = nil) -> [TimelineEvent] {
        // Chosen by their keys; usually there are none, and then no array is made.
        indices(type, stage: stage).map { storage.events[$0] }
    }

    /// Where in `events` the events of `type` (at `stage`, when given) are, found by their keys
    /// as they are asked for: a check that needs only some of their fields reads those events alone.
    @inlinable public func indices(_ type: EventType, stage: Int? = nil) -> EventIndices {
        EventIndices(keys: storage.keys, type: type, stage: stage)
    }

    /// The first event of `type` (at `stage`, when given).
    @inlinable public func first(_ type: EventType, stage: Int? = nil) -> TimelineEvent? {
        firstIndex(type, stage: stage).map { storage.events[$0] }
    }

    /// Where in `events` the first event of `type` (at `stage`, when given) is.
    @inlinable public func firstIndex(_ type: EventType, stage: Int? = nil) -> Int? { indices(type, stage: stage).first }

    /// The points raised at a stage: at stage 1 those on the receipt; at stage 2 those on the
    /// escalation request (all stage 1 points when it names none).
    package func pointsRaised(atStage stage: Int) -> [String] {
        let stageOne = receipt?.details.points ?? points.map(\.id)
        guard stage >= 2 else { return stageOne }
        let escalations = events(.escalationRequested)
        guard !escalations.isEmpty else { return [] }
        var raised: [String] = []
        for escalation in escalations {
            for point in escalation.details.points ?? stageOne where !raised.contains(point) { raised.append(point) }
        }
        return raised
    }

    /// The complaint as an export taken at the end of `date` would show it: the events dated
    /// after it left out, and nil when it was received after it. `ignored` counts the events
    /// left out. (Events are sorted by date, so the usual complaint is checked with one look.)
    package func asOf(_ date: CivilDate) -> (complaint: Complaint?, ignored: Int) {
        let keys = storage.keys
        guard let last = keys.last, last.date > date else { return (self, 0) }
        let kept = keys.firstIndex { $0.date > date } ?? keys.count
        let ignored = keys.count - kept
        guard let received = receivedDate, received <= date else { return (nil, ignored) }
        var cut = self
        cut.events = Array(storage.events[..<kept])
        return (cut, ignored)
    }

    /// The date the complaint stopped being live (withdrawn or excluded), if it did.
    @inlinable public var closedDate: CivilDate? {
        storage.keys.first { $0.type == .withdrawn || $0.type == .excluded }?.date
    }
}

/// An event's type, stage and date as plain values (see `Complaint.keys`).
public struct EventKey: Sendable {
    public let type: EventType
    public let stage: Int?
    public let date: CivilDate

    @inlinable public init(type: EventType, stage: Int?, date: CivilDate) {
        self.type = type
        self.stage = stage
        self.date = date
    }

    /// Whether the event is of `type` (at `stage`, when given).
    @inlinable public func `is`(_ type: EventType, at stage: Int?) -> Bool { self.type == type && (stage == nil || self.stage == stage) }
}

/// The places of a complaint's events of one type (at one stage, when given), found as they are
/// iterated (`Complaint.indices`). A value holding no closure, so asking makes no allocation.
public struct EventIndices: Sequence {
    public let keys: [EventKey]
    public let type: EventType
    public let stage: Int?

    @inlinable public init(keys: [EventKey], type: EventType, stage: Int?) {
        self.keys = keys
        self.type = type
        self.stage = stage
    }

    /// The first place, if any.
    @inlinable public var first: Int? {
        var iterator = makeIterator()
        return iterator.next()
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(indices: self, position: 0) }

    public struct Iterator: IteratorProtocol {
        public let indices: EventIndices
        public var position: Int

        @inlinable public init(indices: EventIndices, position: Int) {
            self.indices = indices
            self.position = position
        }

        @inlinable public mutating func next() -> Int? {
            while position < indices.keys.count {
                defer { position += 1 }
                if indices.keys[position].is(indices.type, at: indices.stage) { return position }
            }
            return nil
        }
    }
}

extension TimelineEvent {
    /// Where the event falls among events of the same day: by stage, then by step within it.
    var sameDayRank: (stage: Int, step: Int) {
        switch type {
        case .complaintReceived: (1, 0)
        case .escalationRequested: (2, 0)
        case .escalationRefused: (2, 1)
        case .acknowledged: (details.stage ?? 1, 2)
        case .extension: (details.stage ?? 1, 3)
        case .hold: (details.stage ?? 1, 4)
        case .resume: (details.stage ?? 1, 5)
        case .response: (details.stage ?? 1, 6)
        case .excluded, .withdrawn, .referredToOmbudsman: (99, 0)
        case .note: (0, 0)
        // A hazard case: awareness, investigation, then what follows from it.
        case .becameAware: (1, 0)
        case .residentDelay: (1, 1)
        case .investigationConcluded: (1, 2)
        case .summarySent, .madeSafe, .alternativeAccommodationOffered, .alternativeAccommodationAccepted: (1, 3)
        case .safetyWorkStarted, .furtherWorkStarted: (1, 4)
        case .safetyWorkCompleted: (1, 5)
        }
    }
}
