#!/usr/bin/env python3
"""Checks that `chc check` and the independent pandas reference (reference_check.py) find the same
late or overdue complaints for the four 2024 Code deadline rules the reference implements, on a
synthetic event log (generate_events.py, fixed seed).

    python3 Benchmarks/agreement.py CHC_BINARY [N]

HOS2024-6.3, 6.11 and 6.14 must agree complaint for complaint: each finding of `chc` under those
rules is a late or overdue response or acknowledgement, never an extension (which has its own
rule). HOS2024-6.2 differs by design: `chc` counts a response sent within the acknowledgement
period as the acknowledgement, so its complaints must be a subset of the reference's.
Exit status 1 on any other difference.
"""
import csv
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    chc = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        log, findings, details = (os.path.join(tmp, name) for name in ("log.csv", "findings.csv", "reference.csv"))
        subprocess.run([sys.executable, os.path.join(HERE, "generate_events.py"), str(n), log], check=True, capture_output=True)
        with open(findings, "w") as out:
            status = subprocess.run([chc, "check", log, "--as-of", "2026-11-23", "--format", "csv", "--quiet"], stdout=out).returncode
        if status not in (0, 1):
            print(f"chc check exited {status}")
            return 1
        subprocess.run([sys.executable, os.path.join(HERE, "reference_check.py"), log, "--as-of", "2026-11-23", "--details", details],
                       check=True, capture_output=True)
        ours: dict[str, set] = {}
        with open(findings, newline="") as f:
            for row in csv.DictReader(f):
                if row["status"] in ("breach", "overdue") and row["severity"] == "error":
                    ours.setdefault(row["rule"], set()).add(row["complaint"])
        theirs: dict[str, set] = {}
        with open(details, newline="") as f:
            for row in csv.DictReader(f):
                for rule in ("HOS2024-6.2", "HOS2024-6.3", "HOS2024-6.11", "HOS2024-6.14"):
                    if row[f"{rule} status"] in ("late", "overdue"):
                        theirs.setdefault(rule, set()).add(row["complaint_id"])
    failed = False
    for rule in ("HOS2024-6.2", "HOS2024-6.3", "HOS2024-6.11", "HOS2024-6.14"):
        a, b = ours.get(rule, set()), theirs.get(rule, set())
        ok = a <= b if rule == "HOS2024-6.2" else a == b
        failed |= not ok
        print(f"{rule:<14} chc {len(a):>7,}   reference {len(b):>7,}   only chc {len(a - b):>5,}   only reference {len(b - a):>5,}"
              f"   {'ok' if ok else 'DIFFERENT'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
