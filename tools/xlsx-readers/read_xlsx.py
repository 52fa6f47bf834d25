"""python3 read_xlsx.py FILE...

Opens each .xlsx with openpyxl and prints, as one JSON array in the order given, every sheet's non-empty cells:
[{"sheets":[{"name","state","cells":{"A1":"…"}}]}]. Whole numbers print without a decimal point, dates as yyyy-mm-dd.
Exits non-zero, naming the file, when openpyxl cannot read one."""
import datetime
import json
import sys

import openpyxl


def text(value):
    if value is None:
        return None
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read(path):
    workbook = openpyxl.load_workbook(path, read_only=False, data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        cells = {}
        for row in sheet.iter_rows():
            for cell in row:
                value = text(cell.value)
                if value:
                    cells[cell.coordinate] = value
        sheets.append({"name": sheet.title, "state": sheet.sheet_state, "cells": cells})
    return {"sheets": sheets}


def main(paths):
    workbooks = []
    for path in paths:
        try:
            workbooks.append(read(path))
        except Exception as error:  # any failure to open or read is the reader refusing the file
            sys.stderr.write("openpyxl cannot open %s: %s: %s\n" % (path, type(error).__name__, error))
            sys.exit(1)
    sys.stdout.write(json.dumps(workbooks, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
