import CHCIngest
import CHCModel
import WorkingDays

/// Compares a policy's timescale with the Code's when the two may count from different events.
///
/// A response clock that runs from receipt (or the escalation request) and one that runs from
/// the acknowledgement agree only for some acknowledgement days: the acknowledgement comes on
/// day `a` after receipt, with 0 ≤ a ≤ the latest allowed acknowledgement day. The comparison
/// finds the days `a` for which the policy would allow a response later than the Code does.
package enum TimescaleComparison {
    package enum Anchor: Equatable { case receipt, acknowledgement }

    /// `nil` when the policy can never allow a later response than the Code; otherwise why.
    static func excess(
        policy: Int, policyFrom: Anchor, code: Int, codeFrom: Anchor, latestAcknowledgement: Int,
        policyWords: String, codeWords: String
    ) -> String? {
        switch (policyFrom, codeFrom) {
        case (.receipt, .receipt), (.acknowledgement, .acknowledgement):
            guard policy > code else { return nil }
            return "\(policyWords) is longer than the Code's \(codeWords)"
        case (.receipt, .acknowledgement):
            // Policy due: day `policy`; Code due: day a + code. Later iff policy > a + code.
            guard policy > code else { return nil }
            let threshold = policy - code
            if threshold > latestAcknowledgement {
                return
                    "\(policyWords) exceeds the Code's \(codeWords) whenever the acknowledgement is sent in time (by day \(latestAcknowledgement)), that is always: counting from an acknowledgement on day \(latestAcknowledgement), the Code allows at most \(latestAcknowledgement + code) working days from receipt"
            }
            return "\(policyWords) exceeds the Code's \(codeWords) whenever the acknowledgement is sent before day \(threshold)"
        case (.acknowledgement, .receipt):
            // Policy due: day a + policy; Code due: day code. Later iff a > code - policy.
            if policy > code {
                return "\(policyWords) is longer than the Code's \(codeWords) even with an acknowledgement on the day of receipt"
            }
            let threshold = code - policy
            guard latestAcknowledgement > threshold else { return nil }
            return "\(policyWords) exceeds the Code's \(codeWords) whenever the acknowledgement is sent after day \(threshold)"
        }
    }
}
