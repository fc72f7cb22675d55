import WorkingDays

/// One version of one code (or one landlord's policy) as a set of rules, with the dates it
/// applies to complaints received in.
public final class RulePack: Sendable {
    public enum Kind: String, Sendable { case code, policy }

    public let id: String
    public let title: String
    public let source: String
    public let inForceFrom: CivilDate?
    public let inForceTo: CivilDate?
    public let calendar: Region
    /// For a policy overlay: the Code pack it layers on.
    public let extends: String?
    public let kind: Kind
    public let note: String?
    public let rules: [Rule]
    /// The terms of the pack's deadline rules, in rule order (found when a deadline counts from
    /// another's due date, without going through every rule; plain values, so a search counts
    /// no references).
    let deadlines: [DeadlineTerms]
    public let file: String

    public init(id: String, title: String, source: String, inForceFrom: CivilDate?, inForceTo: CivilDate?, calendar: Region,
                extends: String?, kind: Kind, note: String?, rules: [Rule], file: String) {
        self.id = id
        self.title = title
        self.source = source
        self.inForceFrom = inForceFrom
        self.inForceTo = inForceTo
        self.calendar = calendar
        self.extends = extends
        self.kind = kind
        self.note = note
        self.rules = rules
        deadlines = rules.compactMap(\.deadline)
        self.file = file
    }

    /// The first deadline on `event` at `stage` (any stage when nil): the one whose due date
    /// stands in for that event when it never happened.
    func deadline(on event: EventType, stage: Int?) -> DeadlineTerms? {
        deadlines.first { $0.event == event && $0.stage == (stage ?? $0.stage) }
    }

    /// Whether a complaint received on `date` is judged by this pack.
    public func isInForce(on date: CivilDate) -> Bool {
        if let from = inForceFrom, date < from { return false }
        if let to = inForceTo, date > to { return false }
        return true
    }

    /// `from 2024-04-01`, `2022-04-01 to 2024-03-31`.
    public var inForceDescription: String {
        switch (inForceFrom, inForceTo) {
        case let (from?, to?): "\(from) to \(to)"
        case let (from?, nil): "from \(from)"
        case let (nil, to?): "until \(to)"
        case (nil, nil): "always"
        }
    }
}
