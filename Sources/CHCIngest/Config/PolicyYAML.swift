import CHCModel
import Foundation
import WorkingDays
import Yams

/// Reads a landlord's complaints-process config with located errors.
package enum PolicyYAML {
    package static let topKeys = [
        "id", "landlord", "code", "calendar", "closures", "stages", "definition-of-complaint",
        "time-limit-to-complain", "channels", "requires-complaint-in-writing", "stage1", "stage2",
        "extensions", "response-includes", "cut-off-time", "self-assessment",
        "annual-performance-report", "member-responsible-for-complaints",
    ]
    static let stageKeys = ["acknowledge", "respond", "respond-from", "extension-max"]
    static let stage2Keys = stageKeys + ["handler", "escalation-reason-required"]

    package static func load(_ path: String, limits: InputLimits = .standard) throws(InputError) -> PolicyConfig {
        let reader = try YAMLReader(path: path, limits: limits)
        let config = read(reader)
        try reader.throwIfProblems()
        return config
    }

    /// Reads a config from its text (`file` names it in locations).
    package static func parse(_ text: String, file: String) throws(InputError) -> PolicyConfig {
        let reader = try YAMLReader(file: file, text: text)
        let config = read(reader)
        try reader.throwIfProblems()
        return config
    }

    package static func read(_ reader: YAMLReader) -> PolicyConfig {
        let defaultID = ((reader.file as NSString).lastPathComponent as NSString).deletingPathExtension
        var config = PolicyConfig(id: defaultID, file: reader.file)
        guard let root = reader.root else {
            reader.report(nil, "is empty, expected a complaints-process config (`landlord:`, `stage1:`, …)")
            return config
        }
        if TimelineYAML.looksLikeTimeline(root) {
            reader.report(root, "is a complaint timeline, not a complaints-process config: check it with `chc check \(reader.file)`")
            return config
        }
        guard let fields = reader.fields(root, "the complaints-process config", allowed: topKeys) else { return config }
        func note(_ key: String, _ node: Node?) {
            if let node { config.locations[key] = reader.location(of: node) }
        }
        for key in fields.keys { note(key, fields.keyNode(key)) }
        config.id = fields["id"].flatMap { reader.identifier($0, "`id`") } ?? defaultID
        config.landlord = fields["landlord"].flatMap { reader.string($0, "`landlord`") }
        config.code = fields["code"].flatMap { reader.identifier($0, "`code`") }
        config.calendar = fields["calendar"].flatMap { reader.choice($0, "calendar", among: Region.names) }.flatMap(Region.init(rawValue:))
        config.closures = ClosureFile.read(fields["closures"], reader: reader)
        if let node = fields["stages"], let stages = reader.int(node, "`stages`") {
            if stages < 1 { reader.report(node, "`stages` should be at least 1, found \(stages)") } else { config.stages = stages }
        }
        config.definitionOfComplaint = fields["definition-of-complaint"].flatMap { reader.string($0, "`definition-of-complaint`") }
        if let node = fields["time-limit-to-complain"], let text = reader.string(node, "`time-limit-to-complain`") {
            if PolicyConfig.months(in: text) == nil {
                reader.report(node, "`time-limit-to-complain` should be a period such as `12 months`, found `\(text)`")
            } else {
                config.timeLimitToComplain = text
            }
        }
        config.channels = fields["channels"].flatMap { reader.stringList($0, "`channels`") }
        config.requiresComplaintInWriting = fields["requires-complaint-in-writing"].flatMap {
            reader.bool($0, "`requires-complaint-in-writing`")
        }
        config.stage1 = stage(fields["stage1"], "stage1", allowed: stageKeys, reader: reader, config: &config)
        config.stage2 = stage(fields["stage2"], "stage2", allowed: stage2Keys, reader: reader, config: &config)
        if let extensions = reader.fields(fields["extensions"], "`extensions`", allowed: ["ombudsman-details"]) {
            note("extensions.ombudsman-details", extensions.keyNode("ombudsman-details"))
            config.extensionsOmbudsmanDetails = extensions["ombudsman-details"].flatMap {
                reader.bool($0, "`extensions.ombudsman-details`")
            }
        }
        if let node = fields["response-includes"], let list = reader.stringList(node, "`response-includes`") {
            for element in list where ResponseElement(rawValue: element) == nil {
                reader.report(
                    node,
                    "unknown response element `\(element)`" + didYouMean(element, among: ResponseElement.names)
                        + " (expected any of: \(ResponseElement.names.joined(separator: ", ")))")
            }
            config.responseIncludes = list
        }
        if let node = fields["cut-off-time"], let text = reader.string(node, "`cut-off-time`") {
            if let time = TimeOfDay(text) {
                config.cutOffTime = time
            } else {
                reader.report(node, "`cut-off-time` should be a time as HH:MM, found `\(text)`")
            }
        }
        if let assessment = reader.fields(fields["self-assessment"], "`self-assessment`", allowed: ["published", "url"]) {
            note("self-assessment.published", assessment.keyNode("published"))
            config.selfAssessmentPublished = assessment["published"].flatMap { reader.bool($0, "`self-assessment.published`") }
            config.selfAssessmentURL = assessment["url"].flatMap { reader.string($0, "`self-assessment.url`") }
        }
        if let report = reader.fields(fields["annual-performance-report"], "`annual-performance-report`", allowed: ["published"]) {
            note("annual-performance-report.published", report.keyNode("published"))
            config.annualReportPublished = report["published"].flatMap { reader.bool($0, "`annual-performance-report.published`") }
        }
        config.memberResponsibleForComplaints = fields["member-responsible-for-complaints"].flatMap {
            reader.bool($0, "`member-responsible-for-complaints`")
        }
        return config
    }

    package static func stage(_ node: Node?, _ name: String, allowed: [String], reader: YAMLReader, config: inout PolicyConfig)
        -> PolicyConfig.Stage
    {
        var stage = PolicyConfig.Stage()
        guard let fields = reader.fields(node, "`\(name)`", allowed: allowed) else { return stage }
        for key in fields.keys {
            if let keyNode = fields.keyNode(key) { config.locations["\(name).\(key)"] = reader.location(of: keyNode) }
        }
        func span(_ key: String) -> Span? {
            guard let value = fields[key] else { return nil }
            guard let span = reader.span(value, "`\(name).\(key)`") else { return nil }
            if span.amount == 0, key != "extension-max" {
                reader.report(value, "`\(name).\(key)` of 0 is not a timescale")
                return nil
            }
            return span
        }
        stage.acknowledge = span("acknowledge")
        stage.respond = span("respond")
        stage.extensionMax = span("extension-max")
        if let max = stage.extensionMax, max.unit != .workingDays {
            reader.report(
                fields["extension-max"],
                "`\(name).extension-max` should be in working days (an extension's `days` are working days), found `\(max)`")
            stage.extensionMax = nil
        }
        if let from = fields["respond-from"] {
            let options = ["complaint-received", "escalation-requested", "acknowledged"]
            stage.respondFrom = reader.choice(from, "`\(name).respond-from`", among: options).flatMap(EventType.init(rawValue:))
        }
        if let handler = fields["handler"] {
            stage.handler = reader.choice(handler, "`\(name).handler`", among: ["different-from-stage1", "same-as-stage1", "any"])
        }
        stage.escalationReasonRequired = fields["escalation-reason-required"].flatMap {
            reader.bool($0, "`\(name).escalation-reason-required`")
        }
        return stage
    }
}

extension PolicyConfig {
    /// The number of months in `12 months`, `6 months`, `1 year`.
    package static func months(in text: String) -> Int? {
        let words = text.lowercased().split(separator: " ")
        guard words.count == 2, let n = Int(words[0]), n >= 0 else { return nil }
        switch words[1] {
        case "month", "months": return n
        case "year", "years": return n * 12
        default: return nil
        }
    }
}
