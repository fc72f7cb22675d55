#!/usr/bin/env python3
"""Write a synthetic CSV event log of N complaints for benchmarking `chc check`.

    python3 Benchmarks/generate_events.py N OUT.csv [--seed 2026] [--export-date 2026-11-23] [--hazards 0.1]

The file follows the CSV event-log format of docs/exports.md: one row per event,
header `complaint_id,date,event,stage,handler,points,addresses,includes,to,days,reason,
good_reason,ombudsman_details,agreed,channel,category,landlord`. Complaints are numbered in
order of receipt (SYN-0000001, ...) and their rows are shuffled within blocks of 1000
complaints, so one complaint's rows are usually not adjacent but the file runs roughly in
date order. Output depends only on N, --seed, --export-date and --hazards.

`--hazards F` adds F x N hazard cases (Awaab's Law; docs/hazards.md), numbered HZ-0000001, ...,
in their own rows after the complaints' and with two more columns, `risk,hazard_found`: 20%
emergency (made safe within 0-36 hours, through weekends), 80% significant (investigation,
written summary, safety work in working days, some late; a few with a delay caused by the
resident, a few of a kind not covered yet). Without it the file is as it always was.

"Working days after" is counted Monday-Friday less England & Wales bank holidays from the
`holidays` package (weekdays only if it is not installed); the checker and the reference
count for themselves, so the generator's own counting only shapes the mix.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time

import numpy as np

FIRST_RECEIPT = dt.date(2024, 4, 1)
LAST_RECEIPT = dt.date(2026, 9, 30)
CAL_START = dt.date(2024, 3, 1)
CAL_END = dt.date(2028, 12, 31)
BLOCK = 1000

HEADER = ("complaint_id,date,event,stage,handler,points,addresses,includes,to,days,reason,"
          "good_reason,ombudsman_details,agreed,channel,category,landlord")
CATEGORIES = ["repairs", "damp-and-mould", "antisocial-behaviour", "rent", "staff-conduct", "other"]
CATEGORY_WEIGHTS = [0.40, 0.18, 0.12, 0.10, 0.08, 0.12]
CHANNELS = ["phone", "email", "web", "letter", "in-person"]
CHANNEL_WEIGHTS = [0.35, 0.30, 0.20, 0.10, 0.05]
REASONS = ["awaiting contractor report", "specialist survey needed", "resident unavailable",
           "further information requested", "complex case"]
POINTS = ["p1", "p1;p2", "p1;p2;p3"]
POINT_WEIGHTS = [0.55, 0.35, 0.10]
INCLUDES_FULL = "stage;definition;decision;reasons;remedy;outstanding-actions;escalation"
INCLUDES_SHORT = "stage;definition;decision;reasons"
LANDLORD = "Synthetic Homes"
HANDLERS = 60


def working_day_table():
    """Ordinals of working days in [CAL_START, CAL_END] and, per calendar day, the index of
    the first working day on or after it (a non-working anchor rolls forward)."""
    try:
        import holidays  # type: ignore
        hols = set(holidays.UK(subdiv="ENG", years=range(CAL_START.year, CAL_END.year + 1)))
    except ImportError:  # weekday-only counting is acceptable for generation
        print("note: `holidays` not installed; counting weekdays only", file=sys.stderr)
        hols = set()
    n_days = (CAL_END - CAL_START).days + 1
    days = [CAL_START + dt.timedelta(i) for i in range(n_days)]
    is_wd = np.array([d.weekday() < 5 and d not in hols for d in days])
    wd_offsets = np.flatnonzero(is_wd)  # calendar offsets of working days
    # next_wd[i] = index into wd_offsets of the first working day >= offset i
    next_wd = np.searchsorted(wd_offsets, np.arange(n_days), side="left")
    date_text = [d.isoformat() for d in days]
    return wd_offsets, next_wd, date_text, days


def pick(rng, n, lo, hi):
    """n integers uniform on [lo, hi]."""
    return rng.integers(lo, hi + 1, size=n)


EMERGENCY_KINDS = ["electrical-hazards", "fire", "carbon-monoxide", "structural-collapse", "damp-and-mould"]


def hazard_rows(rng, count, wd_offsets, next_wd, DS, limit):
    """Rows of `count` hazard cases (columns as HEADER plus risk,hazard_found)."""
    columns = (HEADER + ",risk,hazard_found").split(",")

    def row(hid, when, event, kind, **cells):
        fields = dict(cells, complaint_id=hid, date=when, event=event, category=kind)
        return ",".join(str(fields.get(name, "")) for name in columns)

    lo, hi = (dt.date(2025, 10, 27) - CAL_START).days, (LAST_RECEIPT - CAL_START).days
    rows = []
    for k in range(count):
        hid = f"HZ-{k + 1:07d}"
        aware = int(rng.integers(lo, hi + 1))
        if aware > limit:
            continue
        if rng.random() < 0.2:
            kind = EMERGENCY_KINDS[int(rng.integers(0, len(EMERGENCY_KINDS)))]
            minute = int(rng.integers(0, 24 * 60))
            rows.append(row(hid, f"{DS[aware]}T{minute // 60:02d}:{minute % 60:02d}", "became-aware", kind,
                            landlord=LANDLORD, risk="emergency"))
            day, m = divmod(aware * 1440 + minute + int(rng.integers(0, 36 * 60)), 1440)
            if day <= limit:
                rows.append(row(hid, f"{DS[day]}T{m // 60:02d}:{m % 60:02d}", "made-safe", kind))
            continue
        kind = "damp-and-mould" if rng.random() < 0.9 else "excess-cold"
        rows.append(row(hid, DS[aware], "became-aware", kind, landlord=LANDLORD, risk="significant"))
        inv = int(wd_offsets[next_wd[aware] + int(rng.integers(5, 13))])
        if inv > limit:
            continue
        rows.append(row(hid, DS[inv], "investigation-concluded", kind, hazard_found="no" if rng.random() < 0.05 else "yes"))
        if rng.random() < 0.05:
            rows.append(row(hid, DS[int(wd_offsets[next_wd[inv] + 1])], "resident-delay", kind, reason="refused access"))
        for event, lo_k, hi_k in (("summary-sent", 1, 4), ("safety-work-started", 2, 7)):
            day = int(wd_offsets[next_wd[inv] + int(rng.integers(lo_k, hi_k + 1))])
            if day <= limit:
                rows.append(row(hid, DS[day], event, kind))
    return rows


def generate(n: int, out_path: str, seed: int, export_date: dt.date, hazards: float = 0.0) -> tuple[int, int]:
    rng = np.random.default_rng(seed)
    wd_offsets, next_wd, DS, days = working_day_table()

    def extension_row(cid, stage, day, days_added, reason, good_code, ombudsman):
        """An `extension` row: good_code 0/1/2 = good_reason blank/true/false."""
        good_reason = ("", "true", "false")[good_code]
        return (f"{cid},{DS[day]},extension,{stage},,,,,,{days_added},{reason},"
                f"{good_reason},{'true' if ombudsman else 'false'},,,,")
    limit = (export_date - CAL_START).days  # events after the export date are not yet known
    if limit >= len(DS) - 200:
        raise SystemExit("--export-date is beyond the generator's calendar")

    def add_wd(off, k):
        """Offsets of the k-th working day after each (rolled-forward) offset."""
        return wd_offsets[next_wd[off] + k]

    # Receipt dates for all complaints, sorted so ids run in date order; ~10% at weekends.
    lo, hi = (FIRST_RECEIPT - CAL_START).days, (LAST_RECEIPT - CAL_START).days
    span = np.arange(lo, hi + 1)
    weekend = np.array([days[i].weekday() >= 5 for i in span])
    weekend_days, week_days = span[weekend], span[~weekend]
    on_weekend = rng.random(n) < 0.10
    received = np.where(on_weekend,
                        weekend_days[rng.integers(0, len(weekend_days), n)],
                        week_days[rng.integers(0, len(week_days), n)])
    received.sort()

    rows_total = 0
    extra = ",," if hazards > 0 else ""  # the risk and hazard_found columns, empty for complaints
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        f.write(HEADER + (",risk,hazard_found" if hazards > 0 else "") + "\n")
        for start in range(0, n, BLOCK):
            b = min(BLOCK, n - start)
            rec = received[start:start + b]
            u = rng.random(b)
            open_at_receipt = u < 0.03           # stops after receipt
            open_at_ack = (u >= 0.03) & (u < 0.07)  # stops after acknowledgement
            closed = u >= 0.07
            no_ack1 = closed & (rng.random(b) < 0.03)  # answered without an acknowledgement
            # acknowledgement: 85% within 5 working days (mostly 1-3), 15% 6-8 days
            ack_k = np.where(rng.random(b) < 0.85,
                             rng.choice(6, b, p=[0.08, 0.30, 0.27, 0.15, 0.10, 0.10]),
                             pick(rng, b, 6, 8))
            ack = add_wd(rec, ack_k)
            # stage 1 response: 88% within 10 working days of acknowledgement, 12% 11-14
            r1_k = np.where(rng.random(b) < 0.88, pick(rng, b, 3, 10), pick(rng, b, 11, 14))
            # stage 1 extension: 5-15 days, mostly notified before the due date
            ext1 = closed & (rng.random(b) < 0.086)  # 8% of all complaints
            ext1_days = pick(rng, b, 5, 15)
            ext1_k = np.where(rng.random(b) < 0.9, pick(rng, b, 4, 10), pick(rng, b, 11, 13))
            r1_k = np.where(ext1, ext1_k + 1 + (rng.random(b) * (ext1_days + 2)).astype(int), r1_k)
            resp1 = add_wd(ack, r1_k)
            ext1_at = add_wd(ack, ext1_k)
            second_resp1 = closed & (rng.random(b) < 0.02)  # a further stage 1 response
            resp1b = resp1 + pick(rng, b, 3, 15)
            # escalation a few calendar days after the stage 1 response
            esc = closed & (rng.random(b) < 0.215)  # 20% of all complaints
            esc_at = resp1 + pick(rng, b, 1, 10)
            no_ack2 = esc & (rng.random(b) < 0.04)
            ack2_k = np.where(rng.random(b) < 0.85, pick(rng, b, 0, 5), pick(rng, b, 6, 7))
            ack2 = add_wd(esc_at, ack2_k)
            r2_k = pick(rng, b, 10, 25)
            ext2 = esc & (rng.random(b) < 0.10)
            ext2_days = pick(rng, b, 5, 30)
            ext2_k = np.where(rng.random(b) < 0.9, pick(rng, b, 10, 20), pick(rng, b, 21, 23))
            r2_k = np.where(ext2, ext2_k + 1 + (rng.random(b) * (ext2_days + 3)).astype(int), r2_k)
            resp2 = add_wd(ack2, r2_k)
            ext2_at = add_wd(ack2, ext2_k)
            # flags and labels
            good = rng.choice(3, b, p=[0.5, 0.25, 0.25])       # blank / true / false
            good2 = rng.choice(3, b, p=[0.5, 0.25, 0.25])
            omb = rng.random(b) < 0.75
            omb2 = rng.random(b) < 0.75
            reason_i = rng.integers(0, len(REASONS), b)
            cat_i = rng.choice(len(CATEGORIES), b, p=CATEGORY_WEIGHTS)
            chan_i = rng.choice(len(CHANNELS), b, p=CHANNEL_WEIGHTS)
            pts_i = rng.choice(len(POINTS), b, p=POINT_WEIGHTS)
            h1 = rng.integers(1, HANDLERS + 1, b)
            h2 = np.where(rng.random(b) < 0.97, (h1 + rng.integers(1, HANDLERS, b) - 1) % HANDLERS + 1, h1)
            full1 = rng.random(b) < 0.85
            full2 = rng.random(b) < 0.90
            partial_addr = rng.random(b) < 0.05

            rows = []
            app = rows.append
            for j in range(b):
                cid = f"SYN-{start + j + 1:07d}"
                r = int(rec[j])
                if r > limit:
                    continue
                pts = POINTS[pts_i[j]]
                app(f"{cid},{DS[r]},complaint-received,1,,{pts},,,,,,,,,"
                    f"{CHANNELS[chan_i[j]]},{CATEGORIES[cat_i[j]]},{LANDLORD}")
                if open_at_receipt[j]:
                    continue
                a = int(ack[j])
                if not no_ack1[j] and a <= limit:
                    app(f"{cid},{DS[a]},acknowledged,1,,,,,,,,,,,,,")
                if open_at_ack[j]:
                    continue
                addr = "p1" if partial_addr[j] else pts
                if ext1[j] and int(ext1_at[j]) <= limit:
                    app(extension_row(cid, 1, int(ext1_at[j]), ext1_days[j], REASONS[reason_i[j]], good[j], omb[j]))
                s1 = int(resp1[j])
                if s1 > limit:
                    continue
                inc = INCLUDES_FULL if full1[j] else INCLUDES_SHORT
                app(f"{cid},{DS[s1]},response,1,officer-{h1[j]},,{addr},{inc},,,,,,,,,")
                if second_resp1[j] and resp1b[j] <= limit:
                    app(f"{cid},{DS[int(resp1b[j])]},response,1,officer-{h1[j]},,{pts},{INCLUDES_FULL},,,,,,,,,")
                if not esc[j]:
                    continue
                x = int(esc_at[j])
                if x > limit:
                    continue
                app(f"{cid},{DS[x]},escalation-requested,2,,{pts},,,,,,,,,,,")
                a2 = int(ack2[j])
                if not no_ack2[j] and a2 <= limit:
                    app(f"{cid},{DS[a2]},acknowledged,2,,,,,,,,,,,,,")
                if ext2[j] and int(ext2_at[j]) <= limit:
                    app(extension_row(cid, 2, int(ext2_at[j]), ext2_days[j], REASONS[reason_i[j]], good2[j], omb2[j]))
                s2 = int(resp2[j])
                if s2 <= limit:
                    inc2 = INCLUDES_FULL if full2[j] else INCLUDES_SHORT
                    app(f"{cid},{DS[s2]},response,2,officer-{h2[j]},,{pts},{inc2},,,,,,,,,")
            order = rng.permutation(len(rows))
            f.write("\n".join([rows[k] + extra for k in order]))
            f.write("\n")
            rows_total += len(rows)
        if hazards > 0:
            rows = hazard_rows(np.random.default_rng(seed + 1), int(n * hazards), wd_offsets, next_wd, DS, limit)
            f.write("\n".join(rows) + "\n")
            rows_total += len(rows)
    return rows_total, os.path.getsize(out_path)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of complaints")
    p.add_argument("out", help="CSV file to write")
    p.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    p.add_argument("--export-date", default="2026-11-23",
                   help="events after this date are left out, as in an export taken that day "
                        "(default 2026-11-23)")
    p.add_argument("--hazards", type=float, default=0.0,
                   help="also write this many hazard cases per complaint (e.g. 0.1), with risk and hazard_found columns")
    args = p.parse_args(argv)
    if args.n < 1:
        p.error("N must be at least 1")
    export_date = dt.date.fromisoformat(args.export_date)
    t0 = time.perf_counter()
    rows, size = generate(args.n, args.out, args.seed, export_date, args.hazards)
    secs = time.perf_counter() - t0
    print(f"wrote {args.out}: {args.n:,} complaints, {rows:,} rows (plus header), "
          f"{size:,} bytes in {secs:.1f} s (seed {args.seed}, export date {export_date})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
