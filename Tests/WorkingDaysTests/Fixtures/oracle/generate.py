#!/usr/bin/env python3
"""Independent oracle for UK working-day arithmetic (chc WorkingDays tests).

What it is
    A fixture produced by python-holidays + numpy, i.e. by code that shares
    nothing with the Swift `WorkingDays` module. `OracleTests.swift` checks
    that `WorkingDayCalendar` agrees with every row of
    `working-days-oracle.csv`. `holidays-used.csv` lists the holiday dates
    the oracle used, so any disagreement can be diagnosed.

Regenerate (from the repository root)
    python3 -m pip install holidays numpy
    python3 Tests/WorkingDaysTests/Fixtures/oracle/generate.py

Versions used for the committed CSVs
    holidays 0.109, numpy 2.4.6   (the script prints the versions it runs with;
    a different python-holidays release may change holiday data and thus rows)

Semantics (the contract from the product spec)
    * A working day is Monday-Friday that is not a bank holiday of the region.
    * Regions: england-and-wales = holidays.UK(subdiv="ENG"),
      scotland = holidays.UK(subdiv="SCT"), northern-ireland = holidays.UK(subdiv="NIR"),
      observed (substitute) days on (the python-holidays default). subdiv is
      required: without it python-holidays omits Easter Monday, the Scottish
      and Northern Irish days, etc. Only holiday dates falling on Mon-Fri are
      used; the original weekend date of a substituted holiday is irrelevant.
    * working_days = workingDays(from, to), from <= to: the number of working
      days D with from < D <= to (the start day is day 0), computed as
      numpy.busday_count(from + 1 day, to + 1 day, holidays=...).
    * due = due(from, n), n >= 1: the n-th working day strictly after `from`,
      computed as numpy.busday_offset(from + 1 day, n - 1, roll='forward', holidays=...).

Rows (all dates within 2018-01-01..2030-12-31), per region, in this order
    1. 6,000 random rows (random.Random(SEED + region index)):
       from uniform over 2018-01-01..2030-12-31 (redrawn if no working day
       follows it within 2030); to = from + uniform 0..120 days (85%) or
       uniform from..2030-12-31 (15%), clamped to 2030-12-31; n uniform 1..60,
       lowered to the largest n whose due date is <= 2030-12-31 if needed.
    2. Edge rows, for every weekday bank holiday H of the region 2018-2030:
       (from=H, to=H+k), (from=H-k, to=H) with k uniform 1..10 (clamped to the
       range) and n uniform 1..10; and (from=last working day before H, to=H, n=1),
       when that day is within the range.
    CSV columns: region,from,to,working_days,n,due (ISO dates), LF line endings.
"""

import csv
import datetime as dt
import os
import random

import holidays
import numpy as np

SEED = 20261123
START = dt.date(2018, 1, 1)
END = dt.date(2030, 12, 31)
RANDOM_ROWS = 6000
REGIONS = [("england-and-wales", "ENG"), ("scotland", "SCT"), ("northern-ireland", "NIR")]
HERE = os.path.dirname(os.path.abspath(__file__))
ONE = dt.timedelta(days=1)


def weekday_holidays(subdiv):
    """{date: name} for holidays on Mon-Fri, START..END, observed days included."""
    h = holidays.UK(subdiv=subdiv, years=range(START.year, END.year + 1), observed=True)
    return {d: name for d, name in sorted(h.items()) if START <= d <= END and d.weekday() < 5}


class Oracle:
    def __init__(self, holiday_dates):
        self.hol = np.array(sorted(holiday_dates), dtype="datetime64[D]")

    def working_days(self, a, b):
        assert a <= b
        return int(np.busday_count(np.datetime64(a + ONE), np.datetime64(b + ONE), holidays=self.hol))

    def due(self, a, n):
        assert n >= 1
        d = np.busday_offset(np.datetime64(a + ONE), n - 1, roll="forward", holidays=self.hol)
        return d.astype(dt.date)

    def is_working(self, d):
        return bool(np.is_busday(np.datetime64(d), holidays=self.hol))


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def make_row(oracle, region, a, b, n):
    a, b = max(a, START), min(b, END)
    n = min(n, oracle.working_days(a, END))  # largest n whose due date stays <= END
    assert n >= 1, (region, a)
    due = oracle.due(a, n)
    assert due <= END
    return [region, a.isoformat(), b.isoformat(), oracle.working_days(a, b), n, due.isoformat()]


def region_rows(index, region, hols):
    rng = random.Random(SEED + index)
    oracle = Oracle(hols)
    rows = []
    for _ in range(RANDOM_ROWS):
        a = rand_date(rng, START, END)
        while oracle.working_days(a, END) == 0:
            a = rand_date(rng, START, END)
        if rng.random() < 0.85:
            b = a + dt.timedelta(days=rng.randint(0, 120))
        else:
            b = rand_date(rng, a, END)
        rows.append(make_row(oracle, region, a, min(b, END), rng.randint(1, 60)))
    for h in sorted(hols):
        k1, k2 = rng.randint(1, 10), rng.randint(1, 10)
        n1, n2 = rng.randint(1, 10), rng.randint(1, 10)
        if oracle.working_days(h, END) > 0:
            rows.append(make_row(oracle, region, h, h + dt.timedelta(days=k1), n1))
        rows.append(make_row(oracle, region, h - dt.timedelta(days=k2), h, n2))
        prev = h - ONE
        while prev >= START and not oracle.is_working(prev):
            prev -= ONE
        if prev >= START:
            rows.append(make_row(oracle, region, prev, h, 1))
    return rows


def main():
    print(f"holidays {holidays.__version__}, numpy {np.__version__}")
    all_rows, used = [], []
    for index, (region, subdiv) in enumerate(REGIONS):
        hols = weekday_holidays(subdiv)
        used += [[region, d.isoformat(), name] for d, name in sorted(hols.items())]
        rows = region_rows(index, region, hols)
        print(f"{region}: {len(rows)} rows ({RANDOM_ROWS} random), {len(hols)} weekday holidays")
        all_rows += rows
    with open(os.path.join(HERE, "working-days-oracle.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["region", "from", "to", "working_days", "n", "due"])
        w.writerows(all_rows)
    with open(os.path.join(HERE, "holidays-used.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["region", "date", "name"])
        w.writerows(used)


if __name__ == "__main__":
    main()
