import CHCChecks
import CHCIngest
import CHCModel
import Foundation

extension PerformanceReport {
    package static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f%%", value * 100)
    }

    package static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f", value)
    }

    package func text() -> String {
        var out = "Complaint handling, \(from.longDescription) to \(to.longDescription) (as of \(asOf.longDescription))\n\n"
        out += "\(complaints) complaint\(complaints == 1 ? "" : "s") received at stage 1, \(tsm.stage2Complaints) escalated to stage 2\n\n"
        out += "Tenant Satisfaction Measures\n"
        out += "  CH01 stage 1 complaints per 1,000 homes: \(Self.number(tsm.ch01Stage1))\(tsm.homes == nil ? " (give --homes N)" : "")\n"
        out += "  CH01 stage 2 complaints per 1,000 homes: \(Self.number(tsm.ch01Stage2))\n"
        out += "  CH02 stage 1 responded to within the Code's timescales: \(Self.percent(tsm.ch02Stage1)) (\(tsm.stage1RespondedInTime) of \(tsm.stage1Responded))\n"
        out += "  CH02 stage 2 responded to within the Code's timescales: \(Self.percent(tsm.ch02Stage2)) (\(tsm.stage2RespondedInTime) of \(tsm.stage2Responded))\n"
        out += "  Definition used: \(tsm.definition)\n\n"
        out += "Rules (complaints received in the period)\n"
        for rule in rules {
            out += "  \(rule.rule.padding(toLength: 34, withPad: " ", startingAt: 0)) met \(Self.percent(rule.rate).padding(toLength: 7, withPad: " ", startingAt: 0)) (\(rule.compliant) of \(rule.evaluated) evaluated; \(rule.notEvaluable) not evaluable, \(rule.pending) pending)\n"
        }
        out += "\nBy month received\n"
        for m in months {
            out += "  \(m.month): \(m.received) received, stage 1 in time \(m.stage1InTime)/\(m.stage1Responded), \(m.escalated) escalated, stage 2 in time \(m.stage2InTime)/\(m.stage2Responded), \(m.breaches) breaches\n"
        }
        out += "\nBy category\n"
        for c in categories { out += "  \(c.category): \(c.complaints) complaints, \(c.withBreach) with a breach\n" }
        out += "\nOpen complaints by working days since receipt\n"
        for a in openAgeing { out += "  \(a.bucket): \(a.open)\n" }
        if inputErrors > 0 { out += "\n\(inputErrors) input errors: some complaints could not be read (see chc check)\n" }
        return out
    }

    package func json() -> String {
        struct Document: Encodable { let schemaVersion: Int; let report: PerformanceReport }
        return JSONReporter.encode(Document(schemaVersion: JSONReporter.schemaVersion, report: self))
    }

    /// CSV: one row per rule, then one per month, each row saying what it is.
    package func csv() -> String {
        var rows = [["section", "key", "evaluated_or_received", "compliant_or_in_time", "rate", "detail"]]
        rows.append(["tsm", "CH01 stage 1 per 1000 homes", String(tsm.stage1Complaints), "", Self.number(tsm.ch01Stage1), ""])
        rows.append(["tsm", "CH01 stage 2 per 1000 homes", String(tsm.stage2Complaints), "", Self.number(tsm.ch01Stage2), ""])
        rows.append(["tsm", "CH02 stage 1", String(tsm.stage1Responded), String(tsm.stage1RespondedInTime), Self.percent(tsm.ch02Stage1), ""])
        rows.append(["tsm", "CH02 stage 2", String(tsm.stage2Responded), String(tsm.stage2RespondedInTime), Self.percent(tsm.ch02Stage2), ""])
        for r in rules { rows.append(["rule", r.rule, String(r.evaluated), String(r.compliant), Self.percent(r.rate), r.summary]) }
        for m in months { rows.append(["month", m.month, String(m.received), String(m.stage1InTime), "", "\(m.breaches) breaches"]) }
        for c in categories { rows.append(["category", c.category, String(c.complaints), String(c.complaints - c.withBreach), "", ""]) }
        for a in openAgeing { rows.append(["open-ageing", a.bucket, String(a.open), "", "", ""]) }
        return rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
