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
    /// One self-contained HTML file (no scripts, no network) with inline SVG charts, written for
    /// a board member, in the spirit of the Ombudsman's annual letters.
    package func html(title: String) -> String {
        var body = ""
        body += "<h1>\(htmlEscaped(title))</h1>\n"
        body +=
            "<p class=\"period\">\(htmlEscaped(from.longDescription)) to \(htmlEscaped(to.longDescription)), as of \(htmlEscaped(asOf.longDescription)). \(complaints) complaints received at stage 1; \(tsm.stage2Complaints) escalated to stage 2.</p>\n"
        body += "<section class=\"tiles\">\n"
        body += tile("CH01 stage 1", Self.number(tsm.ch01Stage1), "complaints per 1,000 homes")
        body += tile("CH01 stage 2", Self.number(tsm.ch01Stage2), "complaints per 1,000 homes")
        body += tile(
            "CH02 stage 1", Self.percent(tsm.ch02Stage1), "\(tsm.stage1RespondedInTime) of \(tsm.stage1Responded) responses in time")
        body += tile(
            "CH02 stage 2", Self.percent(tsm.ch02Stage2), "\(tsm.stage2RespondedInTime) of \(tsm.stage2Responded) responses in time")
        body += "</section>\n<p class=\"note\">\(htmlEscaped(tsm.definition))</p>\n"
        if eventsAfterAsOf > 0 { body += "<p class=\"note\">\(htmlEscaped(TextFormat.afterAsOf(eventsAfterAsOf))).</p>\n" }

        body += "<h2>Responses in time, by month</h2>\n" + monthlyChart()
        body += "<h2>Breaches by rule</h2>\n" + ruleChart()
        body += "<h2>Open complaints: working days since receipt</h2>\n" + ageingChart()

        body +=
            "<h2>Each rule</h2>\n<table><thead><tr><th>Rule</th><th>Paragraph</th><th>Requirement</th><th>Met</th><th>Evaluated</th><th>Not evaluable</th><th>Pending</th></tr></thead><tbody>\n"
        for r in rules {
            body +=
                "<tr><td>\(htmlEscaped(r.rule))</td><td>\(htmlEscaped(r.paragraph))</td><td>\(htmlEscaped(r.summary))</td><td>\(Self.percent(r.rate))</td><td>\(r.evaluated)</td><td>\(r.notEvaluable)</td><td>\(r.pending)</td></tr>\n"
        }
        body += "</tbody></table>\n"
        body +=
            "<h2>By category</h2>\n<table><thead><tr><th>Category</th><th>Complaints</th><th>With a breach</th><th>Breaches</th></tr></thead><tbody>\n"
        for c in categories {
            body += "<tr><td>\(htmlEscaped(c.category))</td><td>\(c.complaints)</td><td>\(c.withBreach)</td><td>\(c.breaches)</td></tr>\n"
        }
        body += "</tbody></table>\n"
        body +=
            "<p class=\"note\">Made by chc \(htmlEscaped(CHCVersion.current)). Working days exclude weekends, bank holidays and the landlord's closure days. A breach is a likely breach for review, not a finding of the Ombudsman.</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(htmlEscaped(title))</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1d1d1f; padding: 0 1rem; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
            .period, .note { color: #555; } .note { font-size: .85rem; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .8rem; }
            .tile { border: 1px solid #ddd; border-radius: .5rem; padding: .8rem; }
            .tile .value { font-size: 1.8rem; font-weight: 600; } .tile .label { font-weight: 600; } .tile .sub { color: #555; font-size: .85rem; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
            svg text { font-size: 11px; fill: #333; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func tile(_ label: String, _ value: String, _ sub: String) -> String {
        "<div class=\"tile\"><div class=\"label\">\(htmlEscaped(label))</div><div class=\"value\">\(htmlEscaped(value))</div><div class=\"sub\">\(htmlEscaped(sub))</div></div>\n"
    }

    /// Bars: stage 1 and stage 2 share of responses in time, per month (0–100%).
    private func monthlyChart() -> String {
        let width = 760
        let height = 220
        let left = 40
        let bottom = 30
        let top = 10
        let plotHeight = height - bottom - top
        let slot = months.isEmpty ? 0 : (width - left) / months.count
        var svg =
            "<svg role=\"img\" aria-label=\"Share of responses in time by month\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">\n"
        for pct in stride(from: 0, through: 100, by: 25) {
            let y = top + plotHeight - plotHeight * pct / 100
            svg +=
                "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#eee\"/><text x=\"0\" y=\"\(y + 4)\">\(pct)%</text>\n"
        }
        for (i, m) in months.enumerated() {
            let x = left + i * slot
            let bar = max(2, slot / 2 - 3)
            for (j, (inTime, total, colour)) in [
                (m.stage1InTime, m.stage1Responded, "#2b6cb0"), (m.stage2InTime, m.stage2Responded, "#dd6b20"),
            ].enumerated() where total > 0 {
                let h = plotHeight * inTime / total
                svg +=
                    "<rect x=\"\(x + 2 + j * (bar + 2))\" y=\"\(top + plotHeight - h)\" width=\"\(bar)\" height=\"\(h)\" fill=\"\(colour)\"><title>\(htmlEscaped(m.month)) stage \(j + 1): \(inTime) of \(total) in time</title></rect>\n"
            }
            svg += "<text x=\"\(x + 2)\" y=\"\(height - 12)\">\(htmlEscaped(String(m.month.suffix(5))))</text>\n"
        }
        svg +=
            "<rect x=\"\(width - 150)\" y=\"0\" width=\"10\" height=\"10\" fill=\"#2b6cb0\"/><text x=\"\(width - 135)\" y=\"9\">stage 1</text>"
        svg +=
            "<rect x=\"\(width - 80)\" y=\"0\" width=\"10\" height=\"10\" fill=\"#dd6b20\"/><text x=\"\(width - 65)\" y=\"9\">stage 2</text>\n"
        return svg + "</svg>\n"
    }

    /// Horizontal bars: complaints breaching each rule.
    private func ruleChart() -> String {
        let shown = rules.filter { $0.breached > 0 }.sorted { ($1.breached, $0.rule) < ($0.breached, $1.rule) }
        guard !shown.isEmpty else { return "<p>No breaches.</p>\n" }
        let maximum = shown.map(\.breached).max() ?? 1
        let row = 22
        let labelWidth = 220
        let width = 760
        var svg = "<svg role=\"img\" aria-label=\"Breaches by rule\" viewBox=\"0 0 \(width) \(shown.count * row + 10)\" width=\"100%\">\n"
        for (i, r) in shown.enumerated() {
            let w = (width - labelWidth - 60) * r.breached / maximum
            let y = i * row + 4
            svg +=
                "<text x=\"0\" y=\"\(y + 13)\">\(htmlEscaped(r.rule))</text><rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(1, w))\" height=\"16\" fill=\"#c53030\"><title>\(htmlEscaped(r.summary))</title></rect><text x=\"\(labelWidth + w + 6)\" y=\"\(y + 13)\">\(r.breached)</text>\n"
        }
        return svg + "</svg>\n"
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
                "<rect x=\"\(x)\" y=\"\(height - 25 - h)\" width=\"\(slot - 20)\" height=\"\(h)\" fill=\"#4a5568\"/><text x=\"\(x)\" y=\"\(height - 10)\">\(htmlEscaped(a.bucket))</text><text x=\"\(x)\" y=\"\(height - 30 - h)\">\(a.open)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
