import CHCChecks
import CHCModel
import Foundation

/// The board's report as one self-contained HTML page (`chc report --format html`).
package struct HTMLFormat: PerformanceFormat {
    package static let identifier = "html"
    package init(options: ReporterOptions) {}
    package func render(_ report: PerformanceReport, title: String) -> String { report.html(title: title) }
}

/// Escapes text for HTML element content and attribute values.
func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}

extension PerformanceReport {
    /// The bars' colours, stage 1 and stage 2: the legend and the bars read the same values.
    static let stageColours = ["#2b6cb0", "#dd6b20"]
    static let breachColour = "#c53030"
    static let openColour = "#4a5568"

    /// One self-contained HTML file (no scripts, no network, nothing fetched) with inline SVG
    /// charts, written for a board member, in the spirit of the Ombudsman's annual letters. It
    /// names no file: where the data came from is the reader's business, not the page's.
    package func html(title: String) -> String {
        // The landlord's name is in the title the board sees (and the browser's tab), once.
        let heading = landlord.map { title.contains($0) ? title : title.isEmpty ? $0 : "\(title): \($0)" } ?? title
        var body = ""
        body += "<h1>\(htmlEscaped(heading))</h1>\n"
        body +=
            "<p class=\"period\">\(htmlEscaped(from.longDescription)) to \(htmlEscaped(to.longDescription)), as of \(htmlEscaped(asOf.longDescription)). \(counted(complaints, "complaint")) received at stage 1; \(tsm.stage2Complaints) escalated to stage 2.</p>\n"
        if outsidePeriod > 0 {
            body += "<p class=\"note\">\(counted(outsidePeriod, "case")) read from outside the period, not counted.</p>\n"
        }
        body += "<p class=\"howto\">\(Self.howToRead)</p>\n"
        body += "<section class=\"tiles\">\n"
        body += tile("CH01 stage 1", Self.number(tsm.ch01Stage1), "complaints per 1,000 homes")
        body += tile("CH01 stage 2", Self.number(tsm.ch01Stage2), "complaints per 1,000 homes")
        body += tile(
            "CH02 stage 1", Self.percent(tsm.ch02Stage1), "\(tsm.stage1RespondedInTime) of \(tsm.stage1Responded) responses in time")
        body += tile(
            "CH02 stage 2", Self.percent(tsm.ch02Stage2), "\(tsm.stage2RespondedInTime) of \(tsm.stage2Responded) responses in time")
        body += "</section>\n<p class=\"note\">\(htmlEscaped(tsm.definition))</p>\n"
        if inputErrors > 0 {
            body +=
                "<p class=\"note warning\">\(inputErrors) problem\(inputErrors == 1 ? "" : "s") in the input: some complaints could not be read and are not counted here (<code>chc check</code> on the same files says where).</p>\n"
        }
        if eventsAfterAsOf > 0 { body += "<p class=\"note\">\(htmlEscaped(TextFormat.afterAsOf(eventsAfterAsOf))).</p>\n" }

        body += "<section class=\"chart\">\n<h2>Responses in time, by month</h2>\n"
        body +=
            "<p class=\"note\">Each bar is the share of that month's responses sent in time (stage 1 by the month the complaint was received, stage 2 by the month escalation was asked for); the dashed box is 100%. Above each bar, in time / responses.</p>\n"
        body += monthlyChart() + "</section>\n"
        body += "<section class=\"chart\">\n<h2>Breaches by rule</h2>\n"
        body +=
            "<p class=\"note\">Complaints with a likely breach of each rule, in the Code's paragraph order; rules with none are left out.</p>\n"
        body += ruleChart() + "</section>\n"
        body += "<section class=\"chart\">\n<h2>Open complaints: working days since receipt</h2>\n" + ageingChart() + "</section>\n"

        body +=
            "<h2>Each rule</h2>\n<table><thead><tr><th>Rule</th><th>Paragraph</th><th class=\"words\">Requirement</th><th class=\"num\">Met</th><th class=\"num\">Evaluated</th><th class=\"num\">Not evaluable</th><th class=\"num\">Pending</th></tr></thead><tbody>\n"
        for r in rules {
            body +=
                "<tr><td class=\"id\">\(htmlEscaped(r.rule))</td><td>\(htmlEscaped(r.paragraph))</td><td>\(htmlEscaped(r.summary))</td><td class=\"num\">\(Self.percent(r.rate))</td><td class=\"num\">\(r.evaluated)</td><td class=\"num\">\(r.notEvaluable)</td><td class=\"num\">\(r.pending)</td></tr>\n"
        }
        body += "</tbody></table>\n"
        body +=
            "<h2>By category</h2>\n<table><thead><tr><th>Category</th><th class=\"num\">Complaints</th><th class=\"num\">With a breach</th><th class=\"num\">Breaches</th></tr></thead><tbody>\n"
        for c in categories {
            body +=
                "<tr><td>\(htmlEscaped(c.category))</td><td class=\"num\">\(c.complaints)</td><td class=\"num\">\(c.withBreach)</td><td class=\"num\">\(c.breaches)</td></tr>\n"
        }
        body += "</tbody></table>\n"
        if let hazards {
            // Hazard cases have clocks of their own (Awaab's Law), reported apart from complaints.
            body += "<h2>Hazard cases (Awaab's Law)</h2>\n"
            body +=
                "<p>\(hazards.cases) hazard case\(hazards.cases == 1 ? "" : "s") the landlord became aware of in the period: \(hazards.emergency) emergency, \(hazards.significant) significant. As landlords and lawyers summarise the Regulations (their own text was not read), emergency hazards must be made safe within 24 hours, counted through nights and weekends; significant ones investigated within 10 working days, the resident told in writing within 3 more, safety work begun within 5.</p>\n"
            body +=
                "<table><thead><tr><th>Time limit</th><th class=\"words\">Requirement</th><th class=\"num\">Met</th><th class=\"num\">Evaluated</th><th class=\"num\">Not evaluable</th><th class=\"num\">Pending</th></tr></thead><tbody>\n"
            for r in hazards.rules {
                body +=
                    "<tr><td class=\"id\">\(htmlEscaped(r.rule))</td><td>\(htmlEscaped(r.summary))</td><td class=\"num\">\(Self.percent(r.rate))</td><td class=\"num\">\(r.evaluated)</td><td class=\"num\">\(r.notEvaluable)</td><td class=\"num\">\(r.pending)</td></tr>\n"
            }
            body += "</tbody></table>\n"
            let open = hazards.openAgeing.map { "\(htmlEscaped($0.bucket)): \($0.open)" }.joined(separator: "; ")
            body += "<p class=\"note\">Open hazard cases by working days since the landlord became aware: \(open).</p>\n"
        }
        body +=
            "<p class=\"note\">Made by chc \(htmlEscaped(CHCVersion.current)). Working days exclude weekends and bank holidays; the landlord's closure days move only its own targets. A breach is a likely breach for review, not a finding of the Ombudsman.</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(htmlEscaped(heading))</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1d1d1f; padding: 0 1rem; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
            .period, .note { color: #555; } .note { font-size: .85rem; } .warning { color: #9b2c2c; }
            .howto { border-left: 3px solid #2b6cb0; padding: .2rem 0 .2rem .8rem; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .8rem; }
            .tile { border: 1px solid #ddd; border-radius: .5rem; padding: .8rem; }
            .tile .value { font-size: 1.8rem; font-weight: 600; } .tile .label { font-weight: 600; } .tile .sub { color: #555; font-size: .85rem; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
            .id, td.num { white-space: nowrap; } .num { text-align: right; } th.words { width: 50%; }
            svg { display: block; width: 100%; height: auto; }
            svg text { font-size: 11px; fill: #333; } svg tspan.id { font-weight: 600; }
            svg text.count { font-size: 10px; } svg text.zero { fill: #9b2c2c; font-weight: 700; } svg text.empty { fill: #767676; font-size: 10px; font-style: italic; }
            @page { size: A4 portrait; margin: 15mm 14mm; }
            @media print {
              * { background: transparent !important; box-shadow: none !important; }
              body { margin: 0; max-width: none; padding: 0; color: #000; font-size: 10pt; }
              h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.2rem; break-after: avoid; page-break-after: avoid; }
              .tiles { grid-template-columns: repeat(4, 1fr); gap: .4rem; }
              .chart, .tiles, .tile, svg, tr, .howto { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              table { font-size: 9pt; } th, td { padding: .15rem .3rem; }
            }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// A short line for a board member on what the figures mean.
    static let howToRead =
        "<strong>How to read this.</strong> A response is <em>in time</em> when it was sent within the deadline that the Complaint Handling Code in force when the complaint was received sets for its stage (under the 2024 Code, 10 working days from acknowledging the complaint at stage 1 and 20 at stage 2, plus any extension the Code allows). All counts of days are working days: weekends and bank holidays are not counted (the landlord's own closure days count against the Code's deadlines, and only move the landlord's own targets). “0/1” over a bar means the month had one response and it was late; “no complaints” means none were received. A breach is a likely breach for review, not a finding of the Ombudsman."

    private func tile(_ label: String, _ value: String, _ sub: String) -> String {
        "<div class=\"tile\"><div class=\"label\">\(htmlEscaped(label))</div><div class=\"value\">\(htmlEscaped(value))</div><div class=\"sub\">\(htmlEscaped(sub))</div></div>\n"
    }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "2024-07" as ("Jul", "2024"); the key itself when it is not one.
    static func monthLabel(_ key: String) -> (month: String, year: String) {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return (key, "") }
        return (monthAbbreviations[month - 1], String(parts[0]))
    }

    /// Bars: stage 1 and stage 2 share of responses in time, per month (0–100%), each short one in a
    /// dashed box for 100%, each under its count ("in time/responses"). A month whose responses were all
    /// late keeps its box, a marker on the axis and a red "0/N"; a month without complaints says
    /// "no complaints", one whose complaints have no response yet says so.
    private func monthlyChart() -> String {
        let width = 760
        let height = 260
        let left = 40
        let top = 44
        let bottom = 36
        let plotHeight = height - bottom - top
        let base = top + plotHeight
        let slot = months.isEmpty ? 0 : (width - left) / months.count
        // Two bars a month, a gap between months.
        let bar = min(40, max(2, slot / 2 - 6))
        let inset = (slot - 2 * bar - 2) / 2
        var svg =
            "<svg role=\"img\" aria-label=\"Share of responses in time by month\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">\n"
        for (stage, x) in [(1, left), (2, left + 190)] {
            svg +=
                "<rect class=\"key stage\(stage)\" fill=\"\(Self.stageColours[stage - 1])\" x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\"/><text x=\"\(x + 17)\" y=\"14\">stage \(stage) responses in time</text>\n"
        }
        svg +=
            "<rect fill=\"none\" stroke=\"#999\" stroke-dasharray=\"3 2\" x=\"\(left + 380)\" y=\"4\" width=\"12\" height=\"12\"/><text x=\"\(left + 397)\" y=\"14\">all responses (100%)</text>\n"
        for pct in stride(from: 0, through: 100, by: 25) {
            let y = base - plotHeight * pct / 100
            svg +=
                "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#eee\"/><text x=\"0\" y=\"\(y + 4)\">\(pct)%</text>\n"
        }
        for (i, m) in months.enumerated() {
            let x = left + i * slot
            let (month, year) = Self.monthLabel(m.month)
            svg += "<g class=\"month\" data-month=\"\(htmlEscaped(m.month))\">\n"
            for (stage, inTime, total) in [(1, m.stage1InTime, m.stage1Responded), (2, m.stage2InTime, m.stage2Responded)] where total > 0 {
                let colour = Self.stageColours[stage - 1]
                let barX = x + inset + (stage - 1) * (bar + 2)
                let tip = "<title>\(htmlEscaped("\(month) \(year)")) stage \(stage): \(inTime) of \(total) responses in time</title>"
                // The box for 100%, where the bar falls short of it.
                if inTime < total {
                    svg +=
                        "<rect class=\"whole\" x=\"\(barX)\" y=\"\(top)\" width=\"\(bar)\" height=\"\(plotHeight)\" fill=\"none\" stroke=\"\(colour)\" stroke-opacity=\"0.6\" stroke-dasharray=\"3 2\"/>"
                }
                if inTime == 0 {
                    // Nothing in time: a marker on the axis, so the month does not look empty.
                    svg +=
                        "<rect class=\"bar stage\(stage) zero\" fill=\"\(colour)\" x=\"\(barX)\" y=\"\(base - 4)\" width=\"\(bar)\" height=\"4\">\(tip)</rect>"
                } else {
                    let h = plotHeight * inTime / total
                    svg +=
                        "<rect class=\"bar stage\(stage)\" fill=\"\(colour)\" x=\"\(barX)\" y=\"\(base - h)\" width=\"\(bar)\" height=\"\(h)\">\(tip)</rect>"
                }
                svg +=
                    "<text class=\"count\(inTime == 0 ? " zero" : "")\" x=\"\(barX + bar / 2)\" y=\"\(top - 4)\" text-anchor=\"middle\">\(inTime)/\(total)</text>\n"
            }
            if m.stage1Responded == 0 && m.stage2Responded == 0 {
                let none = m.received == 0 && m.escalated == 0
                let (first, second) = none ? ("no", "complaints") : ("not yet", "answered")
                let tip = none ? "no complaints received or escalated" : "\(m.received) received, \(m.escalated) escalated, no response yet"
                svg +=
                    "<text class=\"empty\" x=\"\(x + slot / 2)\" y=\"\(base - 18)\" text-anchor=\"middle\">\(first)<tspan x=\"\(x + slot / 2)\" dy=\"12\">\(second)</tspan><title>\(htmlEscaped("\(month) \(year)")): \(tip)</title></text>\n"
            }
            svg += "<text x=\"\(x + slot / 2)\" y=\"\(base + 15)\" text-anchor=\"middle\">\(htmlEscaped(month))</text>"
            if i == 0 || month == "Jan" {
                svg += "<text x=\"\(x + slot / 2)\" y=\"\(base + 29)\" text-anchor=\"middle\">\(htmlEscaped(year))</text>"
            }
            svg += "\n</g>\n"
        }
        return svg + "</svg>\n"
    }

    /// Words in lines of at most `width` characters (a word longer than that has a line of its
    /// own, unbroken), at most `maxLines` of them, the last ending "…" when words were left out.
    static func wrapped(_ words: [String], width: Int, maxLines: Int) -> [[String]] {
        var lines: [[String]] = [[]]
        var length = 0
        for word in words {
            if !lines[lines.count - 1].isEmpty && length + 1 + word.count > width {
                if lines.count == maxLines {
                    lines[lines.count - 1][lines[lines.count - 1].count - 1] += "…"
                    break
                }
                lines.append([])
                length = 0
            }
            length += (lines[lines.count - 1].isEmpty ? 0 : 1) + word.count
            lines[lines.count - 1].append(word)
        }
        return lines
    }

    /// Horizontal bars: complaints breaching each rule, in paragraph order, each rule named by its
    /// id (never broken) and its requirement in words (up to three lines; the whole in the tooltip).
    private func ruleChart() -> String {
        let shown = rules.filter { $0.breached > 0 }  // `rules` are in paragraph order
        guard !shown.isEmpty else { return "<p>No breaches.</p>\n" }
        let maximum = shown.map(\.breached).max() ?? 1
        let line = 14
        let barLeft = 460
        let width = 760
        var y = 4
        var rows = ""
        for r in shown {
            let words = r.summary.split(separator: " ").map(String.init)
            let lines = Self.wrapped([r.rule] + words, width: 70, maxLines: 3)
            let w = (width - barLeft - 40) * r.breached / maximum
            rows += "<g class=\"rule\">"
            for (n, words) in lines.enumerated() {
                // The id is the first word of the first line, in bold.
                let text =
                    n == 0 ? words.dropFirst().map(htmlEscaped).joined(separator: " ") : words.map(htmlEscaped).joined(separator: " ")
                let id = n == 0 ? "<tspan class=\"id\">\(htmlEscaped(r.rule))</tspan> " : ""
                rows += "<text x=\"0\" y=\"\(y + 11 + n * line)\">\(id)\(text)</text>"
            }
            rows +=
                "<rect x=\"\(barLeft)\" y=\"\(y)\" width=\"\(max(1, w))\" height=\"\(line)\" fill=\"\(Self.breachColour)\"><title>\(htmlEscaped(r.rule)): \(htmlEscaped(r.summary)) (\(r.breached) complaint\(r.breached == 1 ? "" : "s"))</title></rect><text x=\"\(barLeft + max(1, w) + 6)\" y=\"\(y + 11)\">\(r.breached)</text></g>\n"
            y += lines.count * line + 10
        }
        return "<svg role=\"img\" aria-label=\"Breaches by rule\" viewBox=\"0 0 \(width) \(y)\" width=\"100%\">\n" + rows + "</svg>\n"
    }

    /// Bars: open complaints by age bucket.
    private func ageingChart() -> String {
        let maximum = max(1, openAgeing.map(\.open).max() ?? 1)
        let width = 760
        let height = 180
        let slot = width / max(1, openAgeing.count)
        var svg = "<svg role=\"img\" aria-label=\"Open complaints by age\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">\n"
        for (i, a) in openAgeing.enumerated() {
            let h = (height - 40) * a.open / maximum
            let x = i * slot + 10
            svg +=
                "<rect x=\"\(x)\" y=\"\(height - 25 - h)\" width=\"\(slot - 20)\" height=\"\(h)\" fill=\"\(Self.openColour)\"/><text x=\"\(x)\" y=\"\(height - 10)\">\(htmlEscaped(a.bucket))</text><text x=\"\(x)\" y=\"\(height - 30 - h)\">\(a.open)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
