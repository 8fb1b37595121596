"""CSV files, the shape a spreadsheet, a form or an LMS exports: a class's
roster and answers read in, its grades and summary written out.

A file is UTF-8 (a byte order mark is allowed), at most check.MAX_BYTES,
with a header row; rows are numbered as a spreadsheet shows them, the
header being row 1. Blank rows are skipped; every other row has exactly as
many cells as the header. Anything else is a one-line UsageError naming
the file and the row.
"""

import csv
import io
from pathlib import Path

from gradbook.errors import UsageError
from gradbook.practice.check import read_text

MAX_ROWS = 10_000
"""A roster or an answers file of more students than this is refused."""


def read_table(path: Path, what: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header's column names (stripped) and the other rows as (row number, cells)."""
    text = read_text(path, what).removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, number = [], 0
    try:
        header = [name.strip() for name in next(reader, [])]
        _check_header(path, header)
        number = 1
        for number, cells in enumerate(reader, 2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise UsageError(f"{path}, row {number}: {len(cells)} cells, but the header names {len(header)} columns")
            if len(rows) == MAX_ROWS:
                raise UsageError(f"{path}, row {number}: more than {MAX_ROWS} rows; split the class")
            rows.append((number, cells))
    except csv.Error as exc:
        raise UsageError(f"{path}, row {number + 1}: not CSV ({exc})") from None
    return header, rows


def _check_header(path: Path, header: list[str]) -> None:
    if not any(header):
        raise UsageError(f"{path}: the first row must name the columns; it is empty")
    seen = set()
    for column, name in enumerate(header, 1):
        if not name:
            raise UsageError(f"{path}, row 1: column {column} has no name")
        if name in seen:
            raise UsageError(f"{path}, row 1: column {name!r} is named twice")
        seen.add(name)


def table_bytes(header: list[str], rows: list[list]) -> bytes:
    """A CSV file, UTF-8, each value written as text."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
