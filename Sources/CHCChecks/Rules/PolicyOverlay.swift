import CHCIngest
import CHCModel
import WorkingDays

extension PolicyConfig {
    /// The landlord's own targets as a policy pack: each breach is a `warning` under the
    /// policy's id; the Code's rules stay as they are, so a looser policy hides nothing.
    /// A timescale the policy does not state is the Code's (`codePack`, the pack the complaint is
    /// judged by): a response target with no `extension-max` allows the Code's extension.
    func overlayPack(over codePack: RulePack? = nil) -> RulePack {
        let label = "\(landlord ?? id) policy"
        var rules: [Rule] = []
        func add(_ key: String, _ summary: String, _ check: any CheckKind) {
            let location = self.location(of: key)
            rules.append(
                Rule(
                    id: "\(id)/\(key.replacingOccurrences(of: ".", with: "-"))", paragraph: "\(label): \(key)", summary: summary,
                    severity: .warning, confidence: .confirmed, url: file, note: nil,
                    hint: "This is the landlord's own target, stricter than or equal to the Code's.",
                    check: check, examples: [], location: location, isPolicy: true))
        }
        /// Whether the policy's timescale is the Code's own (same event, start and length) counted
        /// the same way (no closure days or cut-off of the landlord's): then it could only repeat
        /// the Code's findings as warnings, so it adds no rule. With closures or a cut-off the
        /// landlord's own count differs, and is kept.
        func sameAsCode(_ event: EventType, _ stage: Int, _ anchor: Anchor, _ within: Span) -> Bool {
            guard closures.isEmpty, cutOffTime == nil, let terms = codePack?.deadline(on: event, stage: stage) else { return false }
            return terms.anchor == anchor && terms.within == within
        }
        for (stageNumber, stage) in [(1, stage1), (2, stage2)] {
            let receipt: EventType = stageNumber == 1 ? .complaintReceived : .escalationRequested
            if let ack = stage.acknowledge, !sameAsCode(.acknowledged, stageNumber, Anchor(event: receipt, stage: nil), ack) {
                add(
                    "stage\(stageNumber).acknowledge", "Acknowledge at stage \(stageNumber) within \(ack) (\(label)).",
                    DeadlineCheck(event: .acknowledged, stage: stageNumber, anchor: Anchor(event: receipt, stage: nil), within: ack))
            }
            if let respond = stage.respond {
                let from = stage.respondFrom ?? .acknowledged
                let anchor = from == .acknowledged ? Anchor(event: .acknowledged, stage: stageNumber) : Anchor(event: from, stage: nil)
                let codeLimit = codePack?.deadline(on: .response, stage: stageNumber)?.extensionMax
                if !sameAsCode(.response, stageNumber, anchor, respond) || stage.extensionMax.map({ $0 != codeLimit }) == true {
                    add(
                        "stage\(stageNumber).respond", "Respond at stage \(stageNumber) within \(respond) of \(from.noun) (\(label)).",
                        DeadlineCheck(
                            event: .response, stage: stageNumber, anchor: anchor, within: respond,
                            extensionLimit: (stage.extensionMax ?? codeLimit).map { ExtensionLimit(max: $0, paragraph: nil) }))
                }
                // The policy's own limit, when it states one that is not the Code's.
                if let max = stage.extensionMax, max != codeLimit {
                    add(
                        "stage\(stageNumber).extension-max",
                        "Extend a stage \(stageNumber) response by no more than \(max) without good reason (\(label)).",
                        ExtensionLimitCheck(stage: stageNumber))
                }
            }
        }
        let codeChecks = codePack?.rules.map(\.check) ?? []
        let codeHasHandlerRule = codeChecks.contains { ($0 as? DifferentHandlerCheck)?.stage == 2 }
        if stage2.handler == "different-from-stage1", !codeHasHandlerRule {
            add("stage2.handler", "A different person handles stage 2 (\(label)).", DifferentHandlerCheck(stage: 2, earlierStage: 1))
        }
        let codeElements = codeChecks.compactMap { $0 as? ResponseIncludesCheck }.first { $0.stage == 1 }.map { Set($0.elements) }
        if let elements = responseIncludes, !elements.isEmpty, Set(elements) != codeElements {
            add(
                "response-includes", "Each stage 1 response confirms \(elements.joined(separator: ", ")) (\(label)).",
                ResponseIncludesCheck(stage: 1, elements: elements.compactMap(ResponseElement.init(rawValue:))))
        }
        return RulePack(
            id: id, title: "\(label) (\(file))", source: file, inForceFrom: nil, inForceTo: nil,
            calendar: calendar ?? .default, extends: code, kind: .policy, note: nil, rules: rules, file: file,
            inheriting: codePack?.deadlines ?? [])
    }
}
