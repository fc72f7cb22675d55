#!/usr/bin/env bash
# Renders `chc report --format html` in headless Chromium, as a board member's browser would:
# fails on a blank page, on any console error, or if hostile complaint text reaches the page
# unescaped, and checks what a board needs of the page (see the checks below) on
# Tests/html/board-fixture.csv: one landlord; October 2024 with 0 of 1 stage 1 responses in time;
# stage 2 in November (0 of 1) and December (1 of 1); breaches of 6.2, 6.3, 6.10, 6.13 and 6.14
# (6.2 before 6.10 only when numbers are compared as numbers); months with no complaints.
# Keeps the screenshot at .build/html-check/report.png. Installs Chromium if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.build/html-check
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (Debian package)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi

swift build --product chc >/dev/null
chc=$(swift build --show-bin-path)/chc

# A log with complaint text written to attack the page.
cat > "$out/hostile.csv" <<'CSV'
complaint_id,date,event,stage,category
H1,2024-06-03,complaint-received,1,"<script>alert('x')</script>"
H1,2024-06-04,acknowledged,1,
H1,2024-06-20,response,1,
H2,2024-07-01,complaint-received,1,"<img src=x onerror=alert(1)>"
CSV
# No --title: the landlord's name comes from the data. The hostile log is named by its absolute
# path, and no file's path may reach the page.
"$chc" report Tests/html/board-fixture.csv Examples/csv/events.csv "$PWD/$out/hostile.csv" --as-of 2025-06-30 \
  --from 2024-04-01 --to 2025-03-31 --homes 5000 --format html --output "$out/report.html"

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,3400 --enable-logging=stderr --v=1)
url="file://$PWD/$out/report.html"
chromium "${flags[@]}" --screenshot="$out/report.png" "$url" 2> "$out/console.log" >/dev/null || true
# A blank page of the same size, to tell a rendered report from an empty one by image size.
printf '<!DOCTYPE html><title>blank</title>' > "$out/blank.html"
chromium "${flags[@]}" --screenshot="$out/blank.png" "file://$PWD/$out/blank.html" 2>/dev/null >/dev/null || true
chromium --headless --no-sandbox --disable-gpu --dump-dom "$url" 2>/dev/null > "$out/dom.html"

python3 - "$out" "$PWD" <<'PY'
import re, sys, pathlib
out = pathlib.Path(sys.argv[1])
cwd = sys.argv[2]
failures = []
png = (out / "report.png").read_bytes() if (out / "report.png").exists() else b""
blank = (out / "blank.png").read_bytes() if (out / "blank.png").exists() else b""
if not png.startswith(b"\x89PNG") or not blank.startswith(b"\x89PNG"):
    failures.append("no screenshot")
else:
    # A PNG of a blank page compresses to almost nothing; a rendered report does not.
    print(f"screenshot: {len(png)} bytes (a blank page of the same size: {len(blank)} bytes)")
    if len(png) < 5 * len(blank): failures.append("the page looks blank")
console = (out / "console.log").read_text(errors="replace")
errors = [l for l in console.splitlines() if ":CONSOLE" in l]  # the page has no scripts: any console message is wrong
if errors: failures.append("console messages: " + " | ".join(errors[:3]))
dom = (out / "dom.html").read_text(errors="replace")
for needed in ["CH01 stage 1", "CH02 stage 2", "Breaches by rule", "<svg"]:
    if needed not in dom: failures.append(f"missing from the page: {needed}")
if re.search(r"<script|<img", dom, re.I): failures.append("hostile text reached the page unescaped")
if "&lt;script&gt;" not in dom: failures.append("the escaped hostile text is not shown")

# What a board needs of the page.
def month(key):
    m = re.search(r'<g class="month" data-month="%s">(.*?)</g>' % key, dom, re.S)
    return m.group(1) if m else None
october, april = month("2024-10"), month("2024-04")
if october is None or 'class="bar stage1 zero"' not in october or ">0/1</text>" not in october:
    failures.append("October 2024 (0 of 1 in time) has no marker and 0/1 label")
if april is None or not re.search(r'class="empty"[^>]*>no<tspan[^>]*>complaints<', april) or "<rect" in april:
    failures.append("April 2024 (no complaints) does not say so, or draws a bar")
key = re.search(r'class="key stage2" fill="(#[0-9a-fA-F]+)"', dom)
stage2 = re.findall(r'class="bar stage2[^"]*" fill="(#[0-9a-fA-F]+)"', dom)
if not key or not stage2: failures.append("no stage 2 legend or no stage 2 bar")
elif set(stage2) != {key.group(1)}: failures.append(f"stage 2 bars {set(stage2)} are not the legend's {key.group(1)}")
# A stylesheet `fill` beats a fill attribute: one may colour text only, never a bar.
for selectors, rule in re.findall(r"([^{}]+)\{([^{}]*)\}", "".join(re.findall(r"<style>(.*?)</style>", dom, re.S))):
    if "fill:" in rule and not all(re.search(r"\b(text|tspan)(\.[\w-]+)*$", x.strip()) for x in selectors.split(",")):
        failures.append(f"the stylesheet colours more than text, overriding the bars' colours: {selectors.strip()}")
head, _, body = dom.partition("<body")
title = re.search(r"<title>([^<]*)</title>", head)
if not title or "Example Homes" not in title.group(1): failures.append("the landlord is not in the page's <title>")
if not re.search(r"<h1>[^<]*Example Homes[^<]*</h1>", body): failures.append("the landlord is not in the <h1>")
table = body.find("<h2>Each rule</h2>")
chart = body.find('aria-label="Breaches by rule"')
for where, start, end in [("the table", table, len(body)), ("the breaches chart", chart, table)]:
    part = body[start:end] if start >= 0 and end >= 0 else ""
    at = [part.find(f">HOS2024-{p}<") for p in ["6.2", "6.3", "6.5", "6.10", "6.13", "6.14"]]
    if min(at) < 0 or at != sorted(at): failures.append(f"{where}: rules not in paragraph order (6.2, 6.3, 6.5, 6.10, 6.13, 6.14): {at}")
for words in ["HOS2024-6.2</tspan> Acknowledge, define and log", "HOS2024-6.10</tspan> A complaint not resolved"]:
    if chart < 0 or words not in body[chart:table]: failures.append(f"the breaches chart does not name the rule in words: {words}")
if '<td class="id">HOS2024-6.10</td>' not in body or not re.search(r'\.id[^{}]*\{[^}]*white-space: nowrap', dom): failures.append("rule ids in tables may break")
for path in ["Examples/", "/work", ".build", "Tests/html", "board-fixture", "hostile.csv", "events.csv", cwd]:
    if path in dom: failures.append(f"a file path reaches the page: {path}")
if "How to read this" not in dom: failures.append("no 'How to read this' line")
if "@media print" not in dom or "break-inside: avoid" not in dom: failures.append("no print stylesheet keeping charts whole")
if re.search(r"<[a-z][^>]*\s(src|href)\s*=|@import|url\(|<link|<script", dom, re.I): failures.append("the page loads something: it should be one self-contained file")
if failures:
    print("HTML report check FAILED:", *failures, sep="\n  "); sys.exit(1)
print("HTML report check passed")
PY
