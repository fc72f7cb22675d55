#!/usr/bin/env python3
"""Writes an event log CSV as an Excel workbook (sheet "Events", dates as Excel dates), with
openpyxl, for timing `chc check` on a workbook against the same rows as CSV:

    python3 Benchmarks/csv_to_xlsx.py bench-out/events-100000.csv bench-out/events-100000.xlsx
"""
import csv, datetime, sys

import openpyxl


def main(source, target):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Events")
    with open(source, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        sheet.append(header)
        date = header.index("date")
        for row in rows:
            cells = [cell if cell != "" else None for cell in row]
            if len(row[date]) == 10:
                cells[date] = datetime.datetime.strptime(row[date], "%Y-%m-%d")
            sheet.append(cells)
    book.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
