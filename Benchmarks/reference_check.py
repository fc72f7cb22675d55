#!/usr/bin/env python3
"""Independent reference for four Housing Ombudsman 2024 Code deadline rules, to compare with
`chc check` on the same CSV event log.

    python3 Benchmarks/reference_check.py IN.csv --as-of 2026-11-23 [--details OUT.csv]

Rules (Complaint Handling Code 2024; complaints received on or after 2024-04-01):
  HOS2024-6.2   stage 1 `acknowledged` within 5 working days of `complaint-received`
  HOS2024-6.3   stage 1 `response` within 10 working days of the stage 1 acknowledgement (or of
                the acknowledgement's own due date if there was none); a stage 1 `extension`
                dated on or before the due date adds its `days`, capped at 10 unless
                `good_reason` is true
  HOS2024-6.11  stage 2 `acknowledged` within 5 working days of `escalation-requested`
  HOS2024-6.14  stage 2 `response` within 20 working days of the stage 2 acknowledgement (same
                fallback); extensions capped at 20 unless `good_reason` is true

Working day: Monday-Friday that is not an England & Wales bank holiday (python-holidays,
UK subdiv ENG). The anchor day is day 0; an anchor on a non-working day counts from the next
working day; the due date is the N-th working day after it. An event on or before its due date
is compliant, after it late; no event with due < as-of is overdue, otherwise pending. Only the
first (earliest; file order breaks ties) event of each type at each stage counts.
A missing `stage` means 1, except for `escalation-requested`, whose stage is always 2.
Everything is vectorised over complaints with numpy (busday_offset on whole arrays).
"""
from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

CODE_START = np.datetime64("2024-04-01", "D")
NAT = np.datetime64("NaT", "D")
COLUMNS = {"complaint_id", "date", "event", "stage", "days", "to", "good_reason"}
TRUE_WORDS = {"true", "yes", "y", "1"}

# slots: the first date of each (event, stage) a rule needs, per complaint
RECEIVED, ACK1, RESP1, EXT1, ESC, ACK2, RESP2, EXT2 = range(8)
N_SLOTS = 8
EVENT_CODE = {"complaint-received": 0, "acknowledged": 1, "response": 2, "extension": 3,
              "escalation-requested": 4}
STATUSES = ["compliant", "late", "overdue", "pending"]


def bank_holidays() -> np.ndarray:
    import holidays
    days = holidays.UK(subdiv="ENG", years=range(2018, 2031))
    return np.array(sorted(days), dtype="datetime64[D]")


def load(path: str) -> pd.DataFrame:
    """The columns the four rules need, names matched case-insensitively."""
    wanted = {}

    def keep(name: str) -> bool:
        key = name.strip().lower()
        if name in wanted:  # pandas may ask more than once
            return True
        if key in COLUMNS and key not in wanted.values():
            wanted[name] = key
            return True
        return False

    df = pd.read_csv(path, usecols=keep, dtype="category", keep_default_na=False, na_filter=False)
    df = df.rename(columns=wanted)
    missing = {"complaint_id", "date", "event"} - set(df.columns)
    if missing:
        raise SystemExit(f"{path}: the header has no column {', '.join(sorted(missing))}")
    for col in COLUMNS - set(df.columns):
        df[col] = pd.Categorical([""] * len(df))
    return df


def map_categories(col: pd.Series, fn, dtype) -> np.ndarray:
    """Apply fn to each distinct value of a categorical column, then broadcast by code."""
    cats = col.cat.categories
    table = np.array([fn(str(c)) for c in cats], dtype=dtype)
    codes = col.cat.codes.to_numpy()
    return table[codes]


def parse_date(text: str):
    text = text.strip()[:10]
    try:
        return np.datetime64(text, "D")
    except ValueError:
        return NAT


def parse_stage(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else 0  # 0 = not given


def first_by_slot(cid: np.ndarray, slot: np.ndarray, date: np.ndarray, n: int):
    """Earliest date (file order breaking ties) and its row, per complaint and slot."""
    keep = (slot >= 0) & ~np.isnat(date)
    rows = np.flatnonzero(keep)
    key = cid[rows].astype(np.int64) * N_SLOTS + slot[rows]
    day = date[rows].astype(np.int64)
    order = np.lexsort((rows, day, key))  # by key, then date, then file order
    key_sorted = key[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = key_sorted[1:] != key_sorted[:-1]
    pick = order[first]
    first_date = np.full(n * N_SLOTS, NAT)
    first_row = np.full(n * N_SLOTS, -1, dtype=np.int64)
    first_date[key[pick]] = date[rows[pick]]
    first_row[key[pick]] = rows[pick]
    return first_date.reshape(n, N_SLOTS), first_row.reshape(n, N_SLOTS)


def offset(d: np.ndarray, k, cal) -> np.ndarray:
    """The k-th working day after each (rolled-forward) date; NaT stays NaT."""
    out = np.full(d.shape, NAT)
    ok = ~np.isnat(d)
    k = np.broadcast_to(k, d.shape)
    out[ok] = np.busday_offset(d[ok], k[ok], roll="forward", busdaycal=cal)
    return out


def extended(due, ext_date, ext_days, ext_to, good, cap, cal):
    """Apply a stage's first extension if it was made on or before the due date."""
    ok = ~np.isnat(ext_date) & ~np.isnat(due) & (ext_date <= due)
    with_days = ok & (ext_days > 0)
    allowed = np.where(good, ext_days, np.minimum(ext_days, cap))
    due = due.copy()
    due[with_days] = offset(due[with_days], allowed[with_days], cal)
    with_to = ok & ~with_days & ~np.isnat(ext_to)
    if with_to.any():
        limit = offset(due, cap, cal)
        to = np.where(good, ext_to, np.minimum(ext_to, limit))
        due[with_to] = np.maximum(due[with_to], to[with_to])
    return due


def judge(event, due, applies, as_of):
    """Status codes: 0 compliant, 1 late, 2 overdue, 3 pending, -1 not applicable."""
    status = np.full(event.shape, -1, dtype=np.int8)
    has = ~np.isnat(event)
    status[applies & has & (event <= due)] = 0
    status[applies & has & (event > due)] = 1
    status[applies & ~has & (due < as_of)] = 2
    status[applies & ~has & (due >= as_of)] = 3
    return status


def check(path: str, as_of: np.datetime64):
    cal = np.busdaycalendar(weekmask="1111100", holidays=bank_holidays())
    df = load(path)
    rows_read = len(df)

    cid_codes, cid_names = pd.factorize(df["complaint_id"].astype(str).str.strip(), sort=False)
    n = len(cid_names)
    date = map_categories(df["date"], parse_date, "datetime64[D]")
    ev = map_categories(df["event"], lambda s: EVENT_CODE.get(s.strip().lower(), -1), np.int8)
    stage = map_categories(df["stage"], parse_stage, np.int16)

    # slot per row: the event type and stage a rule looks at, or -1
    stage = np.where(stage == 0, np.where(ev == 4, 2, 1), stage)
    slot = np.full(rows_read, -1, dtype=np.int8)
    slot[ev == 0] = RECEIVED
    slot[ev == 4] = ESC
    for e, s1, s2 in ((1, ACK1, ACK2), (2, RESP1, RESP2), (3, EXT1, EXT2)):
        slot[(ev == e) & (stage == 1)] = s1
        slot[(ev == e) & (stage == 2)] = s2
    first_date, first_row = first_by_slot(cid_codes, slot, date, n)

    def ext_fields(s):
        r = first_row[:, s]
        has = r >= 0
        days = np.zeros(n, dtype=np.int64)
        to = np.full(n, NAT)
        good = np.zeros(n, dtype=bool)
        if has.any():
            sub = df.iloc[r[has]]
            days[has] = pd.to_numeric(sub["days"].astype(str), errors="coerce").fillna(0).astype(np.int64).to_numpy()
            to[has] = np.array([parse_date(t) if t.strip() else NAT for t in sub["to"].astype(str)], dtype="datetime64[D]")
            good[has] = sub["good_reason"].astype(str).str.strip().str.lower().isin(TRUE_WORDS).to_numpy()
        return first_date[:, s], days, to, good

    received = first_date[:, RECEIVED]
    in_code = ~np.isnat(received) & (received >= CODE_START)
    escalated = in_code & ~np.isnat(first_date[:, ESC])

    due_62 = offset(received, 5, cal)
    anchor = np.where(np.isnat(first_date[:, ACK1]), due_62, first_date[:, ACK1])
    due_63 = extended(offset(anchor, 10, cal), *ext_fields(EXT1), cap=10, cal=cal)
    due_611 = offset(first_date[:, ESC], 5, cal)
    anchor2 = np.where(np.isnat(first_date[:, ACK2]), due_611, first_date[:, ACK2])
    due_614 = extended(offset(anchor2, 20, cal), *ext_fields(EXT2), cap=20, cal=cal)

    results = {
        "HOS2024-6.2": (judge(first_date[:, ACK1], due_62, in_code, as_of), due_62),
        "HOS2024-6.3": (judge(first_date[:, RESP1], due_63, in_code, as_of), due_63),
        "HOS2024-6.11": (judge(first_date[:, ACK2], due_611, escalated, as_of), due_611),
        "HOS2024-6.14": (judge(first_date[:, RESP2], due_614, escalated, as_of), due_614),
    }
    return rows_read, n, int(in_code.sum()), cid_names, results


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("csv", help="CSV event log (the format of docs/exports.md)")
    p.add_argument("--as-of", required=True, help="judge open deadlines as of this date (YYYY-MM-DD)")
    p.add_argument("--details", metavar="OUT.csv",
                   help="also write one row per complaint: status and due date per rule")
    p.add_argument("--json", action="store_true", help="print the counts as JSON (for run_benchmark.py)")
    args = p.parse_args(argv)
    as_of = np.datetime64(args.as_of, "D")

    t0 = time.perf_counter()
    rows, n, in_code, ids, results = check(args.csv, as_of)
    elapsed = time.perf_counter() - t0
    if args.details:
        names = np.array(["compliant", "late", "overdue", "pending", "n/a"])
        out = {"complaint_id": np.asarray(ids)}
        for rule, (status, due) in results.items():
            out[f"{rule} status"] = names[np.where(status < 0, 4, status)]
            out[f"{rule} due"] = np.where(status < 0, NAT, due)
        pd.DataFrame(out).to_csv(args.details, index=False)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB

    if args.json:
        import json
        rules = {}
        for rule, (status, _) in results.items():
            counts = np.bincount(status[status >= 0], minlength=4)
            rules[rule] = {name: int(c) for name, c in zip(STATUSES, counts)}
        print(json.dumps({"rows": rows, "complaints": n, "rules": rules, "seconds": elapsed, "peakMiB": peak_mib}))
        return 0
    print(f"reference check of {args.csv} as of {args.as_of}")
    print(f"rows read: {rows:,}   complaints: {n:,}   judged by the 2024 Code: {in_code:,}")
    print(f"{'rule':<14}{'applicable':>11}" + "".join(f"{s:>11}" for s in STATUSES))
    for rule, (status, _) in results.items():
        counts = np.bincount(status[status >= 0], minlength=4)
        print(f"{rule:<14}{int((status >= 0).sum()):>11,}" + "".join(f"{int(c):>11,}" for c in counts))
    print(f"elapsed: {elapsed:.2f} s   peak memory (ru_maxrss): {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
