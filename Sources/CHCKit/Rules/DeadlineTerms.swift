import WorkingDays

/// A deadline rule's terms as plain values: its `DeadlineCheckSpec` without the extension
/// limit's paragraph (a string). Judging a complaint copies them into each evaluation without
/// counting a reference — the spec's copies, string and all, were a tenth of the time spent
/// checking deadlines; the paragraph is read from the rule when a finding cites it.
struct DeadlineTerms: Sendable {
    let event: EventType
    let stage: Int
    let anchor: Anchor
    let within: Span
    /// How far a response deadline may be extended without good reason, when the rule limits it.
    let extensionMax: Span?

    init(_ spec: DeadlineCheckSpec) {
        event = spec.event
        stage = spec.stage
        anchor = spec.anchor
        within = spec.within
        extensionMax = spec.extensionLimit?.max
    }
}
