#!/usr/bin/env bash
# Renders `chc report --format html` in headless Chromium, as a board member's browser would:
# fails on a blank page, on any console error, or if hostile complaint text reaches the page
# unescaped. Keeps the screenshot at .build/html-check/report.png. Installs Chromium if missing.
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
"$chc" report Examples/ Examples/csv/events.csv "$out/hostile.csv" --as-of 2025-06-30 --from 2024-04-01 --to 2025-03-31 \
  --homes 5000 --title "Example Homes: complaints 2024–25" --format html --output "$out/report.html"

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2600 --enable-logging=stderr --v=1)
url="file://$PWD/$out/report.html"
chromium "${flags[@]}" --screenshot="$out/report.png" "$url" 2> "$out/console.log" >/dev/null || true
# A blank page of the same size, to tell a rendered report from an empty one by image size.
printf '<!DOCTYPE html><title>blank</title>' > "$out/blank.html"
chromium "${flags[@]}" --screenshot="$out/blank.png" "file://$PWD/$out/blank.html" 2>/dev/null >/dev/null || true
chromium --headless --no-sandbox --disable-gpu --dump-dom "$url" 2>/dev/null > "$out/dom.html"

python3 - "$out" <<'PY'
import re, sys, pathlib
out = pathlib.Path(sys.argv[1])
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
if failures:
    print("HTML report check FAILED:", *failures, sep="\n  "); sys.exit(1)
print("HTML report check passed")
PY
