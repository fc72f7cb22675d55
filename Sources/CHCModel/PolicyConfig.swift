import WorkingDays

/// A landlord's complaints-process config (`policy.md`): what `chc lint` checks against the
/// Code, and what `chc check --policy` layers on the Code as the landlord's own targets.
package struct PolicyConfig: Sendable {
    package struct Stage: Sendable {
        package var acknowledge: Span?
        package var respond: Span?
        /// `complaint-received`, `escalation-requested` or `acknowledged`.
        package var respondFrom: EventType?
        package var extensionMax: Span?
        /// `different-from-stage1` or `same-as-stage1` (stage 2 only).
        package var handler: String?
        package var escalationReasonRequired: Bool?

        package init() {}
    }

    package var id: String
    package var landlord: String?
    package var code: String?
    package var calendar: Region?
    package var closures: [Holiday] = []
    package var stages: Int?
    package var definitionOfComplaint: String?
    package var timeLimitToComplain: String?
    package var channels: [String]?
    package var requiresComplaintInWriting: Bool?
    package var stage1 = Stage()
    package var stage2 = Stage()
    package var extensionsOmbudsmanDetails: Bool?
    package var responseIncludes: [String]?
    package var cutOffTime: TimeOfDay?
    package var selfAssessmentPublished: Bool?
    package var selfAssessmentURL: String?
    package var annualReportPublished: Bool?
    package var memberResponsibleForComplaints: Bool?
    /// Where each key was written, by dotted path (`stage1.respond`), for located findings.
    package var locations: [String: SourceLocation] = [:]
    package var file: String

    package init(id: String, file: String) {
        self.id = id
        self.file = file
    }

    /// The location of a key, or of the file when the key is absent.
    package func location(of key: String) -> SourceLocation {
        locations[key] ?? SourceLocation(file: file, line: 1, column: 1)
    }
}
