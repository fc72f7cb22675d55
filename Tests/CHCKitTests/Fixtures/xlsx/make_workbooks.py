#!/usr/bin/env python3
"""Writes the Excel fixtures the tests read, with openpyxl (a real spreadsheet library), from
Examples/csv/events.csv. Run from the package root after changing it:

    python3 -m pip install openpyxl
    python3 Tests/CHCKitTests/Fixtures/xlsx/make_workbooks.py

- events.xlsx: the CSV's rows on a sheet "Events" (after a first sheet "Notes"), dates as
  Excel dates (serial numbers with a date style), stages and days as numbers, text as shared
  strings, empty cells left out, a formula column chc does not read (no cached value), one cell
  left as an inline string and one a formula whose cached value chc reads.
- not-a-zip.xlsx: text with a workbook's name.
- damaged.xlsx (not written here: found by Fuzz/run.sh Workbook): events.xlsx with damaged
  compressed data, on which ZIPFoundation 0.9.20 loops for ever unless chc stops it.
- cut-short.xlsx: events.xlsx with its Events sheet cut before row 5 (a valid zip).
- bomb.xlsx: a workbook whose sheet unzips to about 5 MB from 226 KB (read with a 1 MiB limit).
"""
import csv, datetime, io, os, zipfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
FIXED = datetime.datetime(2026, 1, 1)  # zip and creation timestamps (openpyxl stamps "modified" itself)


def events_workbook():
    with open(os.path.join(ROOT, "Examples", "csv", "events.csv"), newline="") as f:
        rows = list(csv.reader(f))
    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = FIXED
    notes = book.active
    notes.title = "Notes"
    notes["A1"] = "This sheet is not the event log."
    sheet = book.create_sheet("Events")
    header = rows[0] + ["check"]
    sheet.append(header)
    for number, row in enumerate(rows[1:], start=2):
        cells = []
        for name, value in zip(rows[0], row):
            if value == "":
                cells.append(None)
            elif name in ("date", "to"):
                day = datetime.datetime.strptime(value, "%Y-%m-%d")
                cells.append(day)
            elif name in ("stage", "days"):
                cells.append(int(value))
            else:
                cells.append(value)
        cells.append(f"=LEN(A{number})")
        sheet.append(cells)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "dd/mm/yyyy"
    buffer = io.BytesIO()
    book.save(buffer)
    return rewrite(buffer.getvalue())


def rewrite(data):
    """Rewrites the Events sheet's text as Excel itself writes it: shared strings (openpyxl
    writes inline strings), but CSV-0002's channel left as an inline string, and CSV-0001's
    category as a formula with a cached value."""
    import re
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    target = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    shared = []

    def share(match):
        ref, attributes, text = match.group(1), match.group(2), match.group(3)
        if ref == "O3":
            return match.group(0)
        if ref == "P2":
            return f'<c r="P2"{attributes} t="str"><f>LOWER("DAMP-AND-MOULD")</f><v>{text}</v></c>'
        if text not in shared:
            shared.append(text)
        return f'<c r="{ref}"{attributes} t="s"><v>{shared.index(text)}</v></c>'

    files = {item.filename: source.read(item.filename) for item in source.infolist()}
    sheet = files["xl/worksheets/sheet2.xml"].decode()
    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is><t>(.*?)</t></is></c>', share, sheet)
    assert 'r="O3" t="inlineStr"' in sheet and "LOWER" in sheet and 't="s"' in sheet, "the cells to rewrite were not found"
    files["xl/worksheets/sheet2.xml"] = sheet.encode()
    items = "".join(f"<si><t>{text}</t></si>" for text in shared)
    files["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>'
    ).encode()
    rels = files["xl/_rels/workbook.xml.rels"].decode()
    files["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ).encode()
    types = files["[Content_Types].xml"].decode()
    files["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ).encode()
    for name, content in files.items():
        info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(info, content)
    target.close()
    return out.getvalue()


def bomb():
    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = FIXED
    sheet = book.active
    sheet.append(["complaint_id", "date", "event"])
    for n in range(40_000):
        sheet.append(["X" * 60, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    with open(os.path.join(HERE, "events.xlsx"), "wb") as f:
        f.write(events_workbook())
    whole = zipfile.ZipFile(os.path.join(HERE, "events.xlsx"))
    cut = io.BytesIO()
    with zipfile.ZipFile(cut, "w", zipfile.ZIP_DEFLATED) as target:
        for item in whole.infolist():
            content = whole.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                content = content[: content.index(b'<row r="5"')]
            info = zipfile.ZipInfo(item.filename, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    with open(os.path.join(HERE, "cut-short.xlsx"), "wb") as f:
        f.write(cut.getvalue())
    with open(os.path.join(HERE, "not-a-zip.xlsx"), "w") as f:
        f.write("complaint_id,date,event\nA,2025-01-06,complaint-received\n")
    with open(os.path.join(HERE, "bomb.xlsx"), "wb") as f:
        f.write(bomb())
    for name in ("events.xlsx", "cut-short.xlsx", "not-a-zip.xlsx", "bomb.xlsx"):
        print(name, os.path.getsize(os.path.join(HERE, name)), "bytes")
