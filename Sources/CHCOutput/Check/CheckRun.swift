import CHCChecks
import CHCIngest
import CHCModel
import Foundation
import WorkingDays

/// A `chc check` run written in one format: a streaming format complaint by complaint as each
/// is checked (rendered on the checking thread; this thread only writes), any other once the
/// run is collected. Findings recorded in a baseline are left out.
package struct CheckRun {
    package let session: CheckSession
    package let paths: [String]
    package let asOf: CivilDate
    /// Fingerprints of findings recorded in a baseline (`Baseline.load`).
    package var baseline: Set<Fingerprint> = []
    /// Why the baseline could not be read, reported after the run's own input problems.
    var baselineErrors: [InputError] = []

    package init(session: CheckSession, paths: [String], asOf: CivilDate) {
        self.session = session
        self.paths = paths
        self.asOf = asOf
    }

    /// Reads the baseline at `path` (`Baseline.load`), of at most `maxBytes`; a bad one is
    /// reported with the run's problems.
    package mutating func useBaseline(_ path: String, maxBytes: Int = Baseline.standardMaxBytes) {
        do { baseline = try Baseline.load(path, maxBytes: maxBytes) } catch { baselineErrors = [error] }
    }

    /// The findings a run reports for a complaint (all but those the baseline holds), and how
    /// many the baseline held.
    static func reported(_ result: ComplaintResult, baseline: Set<Fingerprint>) -> (findings: [Finding], suppressed: Int) {
        let all = result.findings  // sorted each time it is asked for: asked once
        let reported = baseline.isEmpty ? all : all.filter { !baseline.contains($0.fingerprint) }
        return (reported, all.count - reported.count)
    }

    /// What a written run found: the totals (for the exit code) and the input problems.
    package struct Outcome {
        package let tally: SummaryTally
        package let errors: [InputError]
    }

    /// Checks everything and writes it with `format` to `writer`. `setupErrors` (a bad policy,
    /// map or baseline) are reported with the run's own input problems.
    package func write(
        _ format: any CheckRunFormat, to writer: ReportWriter, setupErrors: [InputError] = [], progress: ((Int) -> Void)? = nil
    ) -> Outcome {
        if let streaming = format as? any StreamingCheckFormat {
            return stream(streaming, to: writer, setupErrors: setupErrors, progress: progress)
        }
        if let spooled = format as? any SpooledCheckFormat {
            return spool(spooled, to: writer, setupErrors: setupErrors, progress: progress)
        }
        var results: [(file: String, result: ComplaintResult)] = []
        let (errors, skipped) = session.run(paths: paths, progress: progress) { results.append(($0, $1)) }
        let report = CheckReport(
            asOf: asOf, results: results, inputErrors: setupErrors + errors + baselineErrors, baseline: baseline,
            skipped: skipped)
        writer.write(format.render(report))
        var tally = SummaryTally()
        for (_, result) in report.results {
            let reported = report.findings(of: result)
            tally.add(reported, suppressed: result.findings.count - reported.count)
        }
        tally.ignore(eventsAfterAsOf: report.eventsAfterAsOf)
        return Outcome(tally: tally, errors: report.inputErrors)
    }

    private func stream(
        _ format: any StreamingCheckFormat, to writer: ReportWriter, setupErrors: [InputError], progress: ((Int) -> Void)?
    ) -> Outcome {
        writer.write(format.begin(asOf: asOf))
        var tally = SummaryTally()
        let asOf = asOf
        let baseline = baseline
        let renderer = format
        let separator = format.separator
        let (errors, skipped) = session.run(
            paths: paths, progress: progress,
            transform: { file, result in
                guard result.isJudged else {
                    return RenderedComplaint(reported: [], suppressed: 0, text: nil, eventsAfterAsOf: result.eventsAfterAsOf)
                }
                let (reported, suppressed) = Self.reported(result, baseline: baseline)
                return RenderedComplaint(
                    reported: reported, suppressed: suppressed,
                    text: renderer.complaint(file: file, result: result, findings: reported, asOf: asOf),
                    eventsAfterAsOf: result.eventsAfterAsOf)
            },
            deliver: { rendered in
                tally.ignore(eventsAfterAsOf: rendered.eventsAfterAsOf)
                guard let text = rendered.text else { return }  // received after the as-of date
                if tally.complaints > 0 { writer.write(separator) }
                tally.add(rendered.reported, suppressed: rendered.suppressed)
                writer.write(text)
            })
        let all = setupErrors + errors + baselineErrors
        writer.write(format.end(summary: tally.summary(inputErrors: all), asOf: asOf, inputErrors: all, skipped: skipped))
        return Outcome(tally: tally, errors: all)
    }
}

extension CheckRun {
    /// One complaint checked and rendered into records on the checking thread.
    private struct SpooledComplaint<Totals: Sendable>: Sendable {
        let reported: [Finding]
        let suppressed: Int
        /// Nil for a complaint received after the as-of date: not written.
        let records: (records: [SpoolRecord], totals: Totals)?
        let eventsAfterAsOf: Int
    }

    /// A run in a format that needs the whole run first: each complaint's records go to a spool
    /// file as it is checked, and the document is assembled from it at the end.
    private func spool<Format: SpooledCheckFormat>(
        _ format: Format, to writer: ReportWriter, setupErrors: [InputError], progress: ((Int) -> Void)?
    ) -> Outcome {
        var tally = SummaryTally()
        var totals = format.noTotals
        let spool: Spool
        do { spool = try Spool() } catch {
            writer.fail(error)
            return Outcome(tally: tally, errors: setupErrors)
        }
        let asOf = asOf
        let baseline = baseline
        let (errors, _) = session.run(
            paths: paths, progress: progress,
            transform: { file, result in
                guard result.isJudged else {
                    return SpooledComplaint<Format.Totals>(
                        reported: [], suppressed: 0, records: nil, eventsAfterAsOf: result.eventsAfterAsOf)
                }
                let (reported, suppressed) = Self.reported(result, baseline: baseline)
                return SpooledComplaint(
                    reported: reported, suppressed: suppressed,
                    records: format.records(file: file, result: result, findings: reported, asOf: asOf),
                    eventsAfterAsOf: result.eventsAfterAsOf)
            },
            deliver: { complaint in
                tally.ignore(eventsAfterAsOf: complaint.eventsAfterAsOf)
                guard let (records, part) = complaint.records else { return }
                tally.add(complaint.reported, suppressed: complaint.suppressed)
                format.add(part, to: &totals)
                for record in records { spool.append(record) }
            })
        let all = setupErrors + errors + baselineErrors
        do {
            try format.assemble(asOf: asOf, totals: totals, inputErrors: all, replay: spool.replay) { writer.write(bytes: $0) }
        } catch let error as OutputError {
            writer.fail(error)
        } catch {
            writer.fail(OutputError(path: "a temporary file", code: EIO))
        }
        return Outcome(tally: tally, errors: all)
    }
}

/// One complaint checked and rendered on the checking thread.
private struct RenderedComplaint: Sendable {
    let reported: [Finding]
    let suppressed: Int
    /// Nil for a complaint received after the as-of date: not written.
    let text: String?
    let eventsAfterAsOf: Int
}
