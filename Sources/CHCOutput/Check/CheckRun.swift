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
        let format = format.forRun(rules: session.checker.rulesInScope)
        if let spooled = format as? any SpooledCheckFormat, spooled.needsWholeRun {
            return spool(spooled, to: writer, setupErrors: setupErrors, progress: progress)
        }
        if let streaming = format as? any StreamingCheckFormat {
            return stream(streaming, to: writer, setupErrors: setupErrors, progress: progress)
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
            tally.add(reported, suppressed: result.findings.count - reported.count, hazard: result.complaint.isHazardCase)
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
        let separator = format.separator
        var leading = format.leadingSeparator.utf8.count  // left out of the first piece that has it
        let pairsClocks = format.pairsHazardClocks
        var book = HazardClockBook()
        let (errors, skipped) = checkEach(
            progress: progress, tally: &tally,
            makeRender: {
                let scratch = RenderScratch()
                let pieces = HandedBytes.Maker()
                return { file, result, reported in
                    let piece = pieces.piece { out in
                        format.appendComplaint(file: file, result: result, findings: reported, asOf: asOf, to: &out, scratch: scratch)
                    }
                    return (piece, pairsClocks ? CaseClock(result) : nil)
                }
            },
            deliver: { piece, first in
                if !first { writer.write(separator) }
                piece.0.withBytes { bytes in
                    writer.write(bytes: bytes.dropFirst(bytes.isEmpty ? 0 : leading))
                    if !bytes.isEmpty { leading = 0 }
                }
                if let clock = piece.1 { book.add(clock) }
            })
        if pairsClocks { writer.write(format.hazardClocks(book)) }
        let all = setupErrors + errors + baselineErrors
        writer.write(format.end(summary: tally.summary(inputErrors: all), asOf: asOf, inputErrors: all, skipped: skipped))
        return Outcome(tally: tally, errors: all)
    }

    /// A run in a format that needs the whole run first: each complaint's records go to a spool
    /// file as it is checked, and the document is assembled from it at the end — or, for a
    /// format that needs the run only for its start, straight to a file chc owns, the start
    /// written over at the end (`startLast`).
    private func spool<Format: SpooledCheckFormat>(
        _ format: Format, to writer: ReportWriter, setupErrors: [InputError], progress: ((Int) -> Void)?
    ) -> Outcome {
        if writer.canRewrite, let rewriting = format as? any StartRewritingFormat {
            return startLast(rewriting, to: writer, setupErrors: setupErrors, progress: progress)
        }
        var tally = SummaryTally()
        let spool: Spool
        do { spool = try Spool() } catch {
            writer.fail(error)
            return Outcome(tally: tally, errors: setupErrors)
        }
        let (totals, errors) = checkRecords(format, progress: progress, tally: &tally) { spool.append($0) }
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

    /// Checks every complaint, rendering it into `format`'s records on its checking thread (with
    /// a scratch of that thread's), and hands the records to `keep` in order on this thread; gives
    /// the run's totals and input problems.
    private func checkRecords<Format: SpooledCheckFormat>(
        _ format: Format, progress: ((Int) -> Void)?, tally: inout SummaryTally, keep: (SpoolRecord) -> Void
    ) -> (totals: Format.Totals, errors: [InputError]) {
        var totals = format.noTotals
        let asOf = asOf
        let (errors, _) = checkEach(
            progress: progress, tally: &tally,
            makeRender: {
                let scratch = RenderScratch()
                return { file, result, reported in
                    format.records(file: file, result: result, findings: reported, asOf: asOf, scratch: scratch)
                }
            },
            deliver: { piece, _ in
                format.add(piece.totals, to: &totals)
                for record in piece.records { keep(record) }
            })
        return (totals, errors)
    }

    /// A run written straight to a file chc owns: a padded start, each complaint's records as
    /// it is checked, the end, then the start written over with the run's totals.
    private func startLast<Format: StartRewritingFormat>(
        _ format: Format, to writer: ReportWriter, setupErrors: [InputError], progress: ((Int) -> Void)?
    ) -> Outcome {
        var tally = SummaryTally()
        let width = format.startWidth
        writer.write(bytes: format.start(totals: format.noTotals, inputErrors: [], width: width))
        let (totals, errors) = checkRecords(format, progress: progress, tally: &tally) { record in
            record.bytes.withBytes { writer.write(bytes: $0) }
        }
        let all = setupErrors + errors + baselineErrors
        writer.write(bytes: format.end(inputErrors: all))
        writer.rewrite(at: 0, with: format.start(totals: totals, inputErrors: all, width: width))
        return Outcome(tally: tally, errors: all)
    }

    /// Checks every complaint, each rendered on the thread that checked it, by that thread's
    /// renderer (`makeRender`, called once on each thread), with the findings it reports (the
    /// baseline's left out), and hands the pieces to `deliver` in order on this thread (with
    /// whether it is the first), counting each in `tally`. A complaint received after the as-of
    /// date is counted for its events only, and not rendered.
    private func checkEach<Piece: Sendable>(
        progress: ((Int) -> Void)?, tally: inout SummaryTally,
        makeRender: @escaping @Sendable () -> @Sendable (String, ComplaintResult, [Finding]) -> Piece, deliver: (Piece, Bool) -> Void
    ) -> ComplaintStream.Outcome {
        let baseline = baseline
        return session.run(
            paths: paths, progress: progress,
            makeTransform: {
                let render = makeRender()
                return { file, result in
                    var counts = SummaryTally()
                    counts.ignore(eventsAfterAsOf: result.eventsAfterAsOf)
                    guard result.isJudged else { return CheckedComplaint<Piece>(counts: counts, piece: nil) }
                    let (reported, suppressed) = Self.reported(result, baseline: baseline)
                    counts.add(reported, suppressed: suppressed, hazard: result.complaint.isHazardCase)
                    return CheckedComplaint(counts: counts, piece: render(file, result, reported))
                }
            },
            deliver: { checked in
                let first = tally.complaints + tally.hazardCases == 0
                tally.add(checked.counts)
                guard let piece = checked.piece else { return }
                deliver(piece, first)
            })
    }
}

/// One complaint checked and rendered on the checking thread: its counts (made there, so that
/// its findings are freed by the thread that made them: freeing on another thread contends for
/// the allocator's lock; its output is in `HandedBytes` for the same reason), and its piece of
/// output (nil for a complaint received after the as-of date, which is not written).
private struct CheckedComplaint<Piece: Sendable>: Sendable {
    let counts: SummaryTally
    let piece: Piece?
}
