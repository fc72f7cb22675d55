import CHCChecks
import CHCIngest
import CHCModel

extension CheckReport {
    /// Every rule that was evaluated in the run, once, in id order.
    var rulesEvaluated: [(rule: Rule, pack: String)] {
        var seen: [String: (Rule, String)] = [:]
        for (_, result) in results {
            for evaluation in result.evaluations where seen[evaluation.rule.id] == nil {
                seen[evaluation.rule.id] = (evaluation.rule, evaluation.pack)
            }
        }
        return seen.values.sorted { $0.0.id < $1.0.id }.map { (rule: $0.0, pack: $0.1) }
    }
}
