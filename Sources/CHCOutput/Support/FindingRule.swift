import CHCChecks
import CHCModel

/// Which rule reported a finding, and whether the finding says what that rule says: the formats
/// write a rule's part of a finding from text kept per rule (CSV's cells, JSON's members), and
/// may do so only while the finding's own values are the rule's, byte for byte (compared, not
/// assumed: a finding citing a paragraph of its own is written out). Each takes the finding by
/// its place in its array and reads it there: a finding passed as a value was copied, every one
/// of its texts counted (CSV +2% of its instructions).
extension ComplaintResult {
    /// The place of the evaluation whose rule reported `findings[index]`, by the rule's id (the
    /// findings are in order of date, not of evaluation; a complaint has one or two).
    func evaluationPlace(of findings: [Finding], at index: Int) -> Int? {
        evaluations.indices.first { !evaluations[$0].findings.isEmpty && sameBytes(evaluations[$0].rule.id, findings[index].rule) }
    }
}

extension Rule {
    /// Whether the check (kind, event and stage) of `findings[index]` is the one this rule gives
    /// its findings.
    func givesCheck(of findings: [Finding], at index: Int) -> Bool {
        sameBytes(findings[index].check.kind, kind) && sameBytes(findings[index].check.event, subject.event?.rawValue)
            && findings[index].check.stage == subject.stage
    }

    /// Whether the citation (paragraph, URL, source and summary) of `findings[index]` is this rule's.
    func givesCitation(of findings: [Finding], at index: Int) -> Bool {
        sameBytes(findings[index].citation.paragraph, paragraph) && sameBytes(findings[index].citation.url, url)
            && sameBytes(findings[index].citation.source, confidence.rawValue) && sameBytes(findings[index].citation.summary, summary)
    }
}
