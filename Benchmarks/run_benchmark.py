#!/usr/bin/env python3
"""Benchmark: `chc check` and `chc report` (release build, the Swift runtime linked statically)
on synthetic CSV event logs of N complaints, against the pandas + numpy reference of the four
2024 Code deadline rules.

    python3 Benchmarks/run_benchmark.py                 # N = 10,000, 100,000 and 1,000,000
    python3 Benchmarks/run_benchmark.py 10000 100000    # chosen sizes
    python3 Benchmarks/run_benchmark.py --repeat 5 100000

Prints, for each N: wall seconds, complaints per second, MB per second and peak memory of
each run (`chc check` in every output format, each also as a multiple of CSV's time), the ratio reference ÷ chc (how many times faster chc is), and whether the four rules'
counts agree. Figures are ratios within one run: the machines are shared and noisy. Each
command runs `--repeat` times (3 by default), in rounds (every command once, then again), and
its median time is shown with the fastest and slowest; before each timed run the file system is
synced and the run's old output deleted, so the writing-back of one run's output is not
counted in the next.
Needs: swift, python3 with pandas, numpy, holidays and PyYAML (installed if missing).
"""
import json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench-out")
AS_OF = "2026-11-23"
RULES = ["HOS2024-6.2", "HOS2024-6.3", "HOS2024-6.11", "HOS2024-6.14"]
FORMATS = ["json", "jsonl", "sarif", "junit", "github", "text"]


def ensure_python_packages():
    try:
        import pandas, numpy, holidays, yaml, openpyxl  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pandas", "numpy", "holidays", "pyyaml", "openpyxl"],
                       check=True)


def four_rule_pack():
    """The shipped 2024 pack cut down to the four rules the reference judges (for a like-for-like
    figure); written under bench-out/, so the rules are never copied into the repository."""
    import yaml
    with open(os.path.join(ROOT, "Rules", "hos-2024.yaml")) as f:
        pack = yaml.safe_load(f)
    pack["pack"] = "hos-2024-four-deadlines"
    pack["title"] = pack["title"] + " (the four deadline rules only, for benchmarking)"
    pack["rules"] = [r for r in pack["rules"] if r["id"] in RULES]
    path = os.path.join(OUT, "hos-2024-four-deadlines.yaml")
    with open(path, "w") as f:
        yaml.safe_dump(pack, f, sort_keys=False, allow_unicode=True)
    return path


def timed(command):
    """Runs a command under GNU time; returns (wall seconds, peak RSS MiB, stdout). What earlier
    runs wrote is flushed to disk first, and the command's own output file (after `--output`)
    deleted, so neither is counted; the output is deleted again after the run."""
    if "--output" in command:
        try:
            os.remove(command[command.index("--output") + 1])
        except FileNotFoundError:
            pass
    os.sync()
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    if "--output" in command:  # not kept: a million complaints' outputs are 9 GB in all
        try:
            os.remove(command[command.index("--output") + 1])
        except FileNotFoundError:
            pass
    return wall, peak_kib / 1024, result.stdout


def main(sizes, repeat):
    ensure_python_packages()
    os.makedirs(OUT, exist_ok=True)
    # Release build with the Swift runtime linked in (as a command-line tool is shipped): each
    # reference count is then a direct call, not one through the dynamic linker's table. Its
    # own build folder, so the usual release build is not rebuilt.
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", os.path.join(ROOT, ".build", "static")]
    subprocess.run(build + ["--product", "chc"], cwd=ROOT, check=True, capture_output=True)
    chc = os.path.join(subprocess.run(build + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip(), "chc")
    four = four_rule_pack()
    print(f"{'N':>9} {'run':<22} {'seconds':>8} {'(fastest–slowest)':>18} {'complaints/s':>13} {'MB/s':>7} {'peak MiB':>9} {'÷ csv':>6}")
    for n in sizes:
        log = os.path.join(OUT, f"events-{n}.csv")
        if not os.path.exists(log):
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_events.py"), str(n), log], check=True, capture_output=True)
        mb = os.path.getsize(log) / 1e6
        workbook = log.replace(".csv", ".xlsx")
        if n <= 100_000 and not os.path.exists(workbook):
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "csv_to_xlsx.py"), log, workbook], check=True)
        # The same complaints with a hazard case (Awaab's Law) for every ten of them, in the same log.
        hazards = log.replace(".csv", "-hazards.csv")
        if n <= 100_000 and not os.path.exists(hazards):
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_events.py"), str(n), hazards, "--hazards", "0.1"],
                           check=True, capture_output=True)
        runs = {
            "chc check": [chc, "check", log, "--as-of", AS_OF, "--format", "csv", "--output", os.path.join(OUT, f"check-{n}.csv"), "--quiet"],
            # Every other format of `chc check`, each against CSV's time above.
            **{f"chc check {fmt}": [chc, "check", log, "--as-of", AS_OF, "--format", fmt, "--output", os.path.join(OUT, f"check-{n}.{fmt}"),
                                   "--quiet"] for fmt in FORMATS},
            # The same rows as an Excel workbook (up to 100,000 complaints: Excel's sheets stop at
            # 1,048,576 rows), against CSV's time.
            **({"chc check xlsx": [chc, "check", log.replace(".csv", ".xlsx"), "--as-of", AS_OF, "--format", "csv", "--output",
                                   os.path.join(OUT, f"check-{n}-xlsx.csv"), "--quiet"]} if n <= 100_000 else {}),
            # With 10% more cases, hazard cases: about 1.1 × CSV's time if a hazard costs what a complaint does.
            **({"chc check +hazards": [chc, "check", hazards, "--as-of", AS_OF, "--format", "csv", "--output",
                                       os.path.join(OUT, f"check-{n}-hazards.csv"), "--quiet"]} if n <= 100_000 else {}),
            "chc report": [chc, "report", log, "--as-of", AS_OF, "--from", "2024-04-01", "--to", AS_OF, "--format", "json", "--quiet"],
            "chc report, 4 rules": [chc, "report", log, "--as-of", AS_OF, "--from", "2024-04-01", "--to", AS_OF, "--format", "json",
                                    "--quiet", "--rules", four],
            "reference": [sys.executable, os.path.join(ROOT, "Benchmarks", "reference_check.py"), log, "--as-of", AS_OF, "--json"],
        }
        walls, peaks, outputs = {name: [] for name in runs}, {name: 0.0 for name in runs}, {}
        for _ in range(repeat):
            for name, command in runs.items():
                wall, peak, stdout = timed(command)
                walls[name].append(wall)
                peaks[name] = max(peaks[name], peak)
                outputs[name] = stdout
        seconds = {name: sorted(times)[len(times) // 2] for name, times in walls.items()}
        for name in runs:
            wall = seconds[name]
            spread = f"({min(walls[name]):.2f}–{max(walls[name]):.2f})"
            ratio = f"{wall / seconds['chc check']:.2f}" if name.startswith("chc check ") else ""
            print(f"{n:>9} {name:<22} {wall:>8.2f} {spread:>18} {n / wall:>13,.0f} {mb / wall:>7.1f} {peaks[name]:>9.0f} {ratio:>6}")
        print(f"{n:>9} reference ÷ chc check: {seconds['reference'] / seconds['chc check']:.2f}×   "
              f"reference ÷ chc report: {seconds['reference'] / seconds['chc report']:.2f}×   "
              f"reference ÷ chc report (4 rules): {seconds['reference'] / seconds['chc report, 4 rules']:.2f}×")
        report = {r["rule"]: r for r in json.loads(outputs["chc report"])["report"]["rules"]}
        reference = json.loads(outputs["reference"])
        for rule in RULES:
            ours, theirs = report.get(rule, {}), reference["rules"].get(rule, {})
            mine = (ours.get("compliant", 0), ours.get("breached", 0), ours.get("pending", 0))
            ref = (theirs.get("compliant", 0), theirs.get("late", 0) + theirs.get("overdue", 0), theirs.get("pending", 0))
            print(f"{n:>9}   {rule:<13} chc met/breached/pending {mine}  reference {ref}  {'agree' if mine == ref else 'DIFFER'}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    repeat = 3
    if "--repeat" in arguments:
        at = arguments.index("--repeat")
        repeat = max(1, int(arguments[at + 1]))
        del arguments[at:at + 2]
    main([int(a) for a in arguments] or [10_000, 100_000, 1_000_000], repeat)
