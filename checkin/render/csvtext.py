"""CSV that a spreadsheet cannot turn into a formula, and that a bare CR cannot split.

One writer for every CSV checkin prints (action items, metric trends).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def cell(text: str) -> str:
    """A cell shown as text: one starting ``= + - @``, tab or CR (a formula to Excel,
    LibreOffice and Sheets) gets a leading ``'``; plain numbers (``-3``, ``+1.5e3``) stay."""
    if text.startswith(FORMULA_START) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def field(text: str) -> str:
    """:func:`cell`, quoted (quotes doubled) when it holds a comma, quote, CR or LF.

    The csv module leaves a bare CR unquoted when rows end in ``\\n``, splitting the row."""
    text = cell(text)
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def rows_csv(rows: Iterable[Sequence[str]]) -> str:
    """The rows as CSV text, one ``\\n``-terminated line per row."""
    return "".join(",".join(field(c) for c in row) + "\n" for row in rows)
