import WorkingDays

/// A landlord's complaints-process config (`policy.md`): what `chc lint` checks against the
/// Code, and what `chc check --policy` layers on the Code as the landlord's own targets.
public struct PolicyConfig: Sendable {
    public struct Stage: Sendable {
        public var acknowledge: Span?
        public var respond: Span?
        /// `complaint-received`, `escalation-requested` or `acknowledged`.
        public var respondFrom: EventType?
        public var extensionMax: Span?
        /// `different-from-stage1` or `same-as-stage1` (stage 2 only).
        public var handler: String?
        public var escalationReasonRequired: Bool?
    }

    public var id: String
    public var landlord: String?
    public var code: String?
    public var calendar: Region?
    public var closures: [Holiday] = []
    public var stages: Int?
    public var definitionOfComplaint: String?
    public var timeLimitToComplain: String?
    public var channels: [String]?
    public var requiresComplaintInWriting: Bool?
    public var stage1 = Stage()
    public var stage2 = Stage()
    public var extensionsOmbudsmanDetails: Bool?
    public var responseIncludes: [String]?
    public var cutOffTime: TimeOfDay?
    public var selfAssessmentPublished: Bool?
    public var selfAssessmentURL: String?
    public var annualReportPublished: Bool?
    public var memberResponsibleForComplaints: Bool?
    /// Where each key was written, by dotted path (`stage1.respond`), for located findings.
    public var locations: [String: SourceLocation] = [:]
    public var file: String

    /// The location of a key, or of the file when the key is absent.
    public func location(of key: String) -> SourceLocation {
        locations[key] ?? SourceLocation(file: file, line: 1, column: 1)
    }
}
