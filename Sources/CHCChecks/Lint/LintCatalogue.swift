import CHCIngest
import CHCModel
import WorkingDays

/// The lint rules for one Code: timescales, stages, handlers and response contents come from the
/// Code's rule pack (one source of truth with `chc check`); provisions a timeline cannot show
/// (definition, time limit, channels, publication, governance) are listed here per Code.
package enum LintCatalogue {
    package static func rules(for pack: RulePack) -> [LintRule] {
        fromPack(pack) + provisions(for: pack)
    }

    /// What each rule's check kind asks of a complaints process, in the pack's order.
    static func fromPack(_ pack: RulePack) -> [LintRule] {
        pack.rules.flatMap { $0.check.lintRules(for: $0, in: pack) }
    }

    // MARK: Provisions a timeline cannot show

    package static func provisions(for pack: RulePack) -> [LintRule] {
        switch pack.id {
        case "hos-2024": return provisions2024(url: pack.source)
        case "hos-2022": return provisions2022(url: pack.source)
        default: return []
        }
    }

    package static func definition(_ id: String, _ paragraph: String, _ confidence: Confidence, _ url: String) -> LintRule {
        LintRule(
            id: id, paragraph: paragraph,
            requirement: "Use the Code's definition of a complaint: an expression of dissatisfaction, however made.",
            confidence: confidence, url: url, severity: .error
        ) { config in
            guard let text = config.definitionOfComplaint else { return .notStated(add: ["definition-of-complaint"]) }
            let lower = text.lowercased()
            let missing = ["expression of dissatisfaction", "however made"].filter { !lower.contains($0) }
            guard missing.isEmpty else {
                return .notMet(
                    LintProblem(
                        key: "definition-of-complaint", says: "\"\(text.prefix(80))\"",
                        why: "the Code's definition includes \(missing.map { "“\($0)”" }.joined(separator: " and ")), which this does not"))
            }
            return .met(evidence: "definition-of-complaint")
        }
    }

    static func timeLimit(_ id: String, _ paragraph: String, months: Int, _ confidence: Confidence, _ url: String) -> LintRule {
        LintRule(
            id: id, paragraph: paragraph,
            requirement: "Accept complaints made within \(months) months of the issue (or of the resident becoming aware of it).",
            confidence: confidence, url: url, severity: .error
        ) { config in
            guard let text = config.timeLimitToComplain, let given = PolicyConfig.months(in: text) else {
                return .notStated(add: ["time-limit-to-complain: \(months) months"])
            }
            guard given >= months else {
                return .notMet(
                    LintProblem(
                        key: "time-limit-to-complain", says: "time-limit-to-complain: \(text)",
                        why:
                            "the Code requires accepting complaints up to \(months) months; a shorter limit turns away complaints the Code says must be accepted"
                    ))
            }
            return .met(evidence: "time-limit-to-complain")
        }
    }

    static func provisions2024(url: String) -> [LintRule] {
        [
            definition("lint/HOS2024-1.2", "1.2", .confirmed, url),
            timeLimit("lint/HOS2024-2.3", "2.3", months: 12, .confirmed, url),
            LintRule(
                id: "lint/HOS2024-3.1", paragraph: "3.1", requirement: "Make it easy to complain through different channels.",
                confidence: .confirmed, url: url, severity: .error
            ) { config in
                guard let channels = config.channels else {
                    return .notStated(add: ["channels: [phone, email, online-form, letter, in-person]"])
                }
                guard Set(channels).count >= 2 else {
                    return .notMet(
                        LintProblem(
                            key: "channels", says: "channels: [\(channels.joined(separator: ", "))]",
                            why: "a single channel is not \"different channels\""))
                }
                let spoken = ["phone", "in-person", "telephone", "face-to-face"]
                let written = ["email", "letter", "online-form", "web-form", "social-media"]
                guard channels.contains(where: spoken.contains), channels.contains(where: written.contains) else {
                    return .notMet(
                        LintProblem(
                            key: "channels", says: "channels: [\(channels.joined(separator: ", "))]",
                            why:
                                "residents must be able to complain in any way (3.2); offer both spoken (phone, in person) and written channels"
                        ))
                }
                return .met(evidence: "channels")
            },
            LintRule(
                id: "lint/HOS2024-3.2", paragraph: "3.2",
                requirement: "Residents can raise a complaint in any way, with any member of staff.",
                confidence: .confirmed, url: url, severity: .error
            ) { config in
                .setting(
                    config.requiresComplaintInWriting, key: "requires-complaint-in-writing", required: false,
                    add: "requires-complaint-in-writing: false", says: { "requires-complaint-in-writing: \($0)" },
                    why: "a complaint may be made in any way; requiring it in writing turns away spoken complaints")
            },
            LintRule(
                id: "lint/HOS2024-6.12", paragraph: "6.12", requirement: "Residents are not required to explain why they want stage 2.",
                confidence: .confirmed, url: url, severity: .error
            ) { config in
                .setting(
                    config.stage2.escalationReasonRequired, key: "stage2.escalation-reason-required", required: false,
                    add: "stage2.escalation-reason-required: false", says: { "escalation-reason-required: \($0)" },
                    why:
                        "the Code forbids requiring reasons for escalation; the landlord should instead try to understand why the resident is unhappy"
                )
            },
            publication(
                "lint/HOS2024-8-self-assessment", "section 8", "Publish the annual self-assessment against the Code.",
                key: "self-assessment.published",
                value: \.selfAssessmentPublished, confidence: .secondary,
                url: "https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/self-assessment-guidance/"),
            publication(
                "lint/HOS2024-8-annual-report", "section 8",
                "Publish an annual complaints performance and service improvement report, reported to the governing body.",
                key: "annual-performance-report.published", value: \.annualReportPublished, confidence: .secondary,
                url: "https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/self-assessment-guidance/"),
            publication(
                "lint/HOS2024-9.5", "9.5", "Appoint a Member Responsible for Complaints on the governing body.",
                key: "member-responsible-for-complaints",
                value: \.memberResponsibleForComplaints, confidence: .confirmed,
                url: "https://www.housing-ombudsman.org.uk/centre-for-learning/key-topics/mrc/"),
        ]
    }

    static func provisions2022(url: String) -> [LintRule] {
        [
            definition(
                "lint/HOS2022-definition", "section 1 (number not read)", .secondary,
                "https://www.uttlesford.gov.uk/article/8007/Housing-Ombudsman-Complaint-Handling-Code-self-assessment-2022"),
            timeLimit(
                "lint/HOS2022-time-limit", "time limit (number not read)", months: 6, .secondary,
                "https://tch.org.uk/2024/05/29/changes-to-the-complaint-handling-code/"),
        ]
    }

    static func publication(
        _ id: String, _ paragraph: String, _ requirement: String, key: String,
        value: KeyPath<PolicyConfig, Bool?> & Sendable, confidence: Confidence, url: String
    ) -> LintRule {
        LintRule(id: id, paragraph: paragraph, requirement: requirement, confidence: confidence, url: url, severity: .error) { config in
            .setting(
                config[keyPath: value], key: key, required: true, add: "\(key): true",
                says: { "\(key.split(separator: ".").last!): \($0)" }, why: "the Code requires it")
        }
    }
}
