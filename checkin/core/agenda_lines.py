"""Find the line of a key in an agenda file, so validation errors can point at it.

tomllib returns plain dicts without positions, so this scans the raw text once and
records where each table header and each ``key =`` line is. A key is addressed as
``(table, index, key)``: ``(None, None, "title")`` for a top-level key,
``("sections", 2, "kind")`` for ``kind`` in the third ``[[sections]]`` table (0-based).

It understands what hand-written agendas use: ``[table]`` and ``[[array]]`` headers,
bare/quoted/dotted keys, comments and multi-line strings. Anything fancier (inline
tables, arrays of inline tables) simply yields no line, and callers name the field.
"""

from __future__ import annotations

import re

_ARRAY_HEADER = re.compile(r"\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"\s*\[\s*([^\]]+?)\s*\]")
_KEY = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[.=]""")

Key = tuple[str | None, int | None, str | None]


class LineIndex:
    """Line numbers (1-based) of table headers and keys in a TOML text."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Key, int] = {}
        self.last_line = max(1, len(text.rstrip().splitlines()))
        table: str | None = None
        index: int | None = None
        counts: dict[str, int] = {}
        open_string: str | None = None  # the delimiter of a multi-line string we are in
        for lineno, line in enumerate(text.splitlines(), start=1):
            if open_string:
                if line.count(open_string) % 2:
                    open_string = None
                continue
            if match := _ARRAY_HEADER.match(line):
                table = match[1].strip("\"'")
                index = counts.get(table, 0)
                counts[table] = index + 1
                self._lines.setdefault((table, index, None), lineno)
            elif match := _TABLE_HEADER.match(line):
                table, index = match[1].strip("\"'"), None
                self._lines.setdefault((table, None, None), lineno)
            elif match := _KEY.match(line):
                key = next(group for group in match.groups() if group is not None)
                self._lines.setdefault((table, index, key), lineno)
                rest = line[match.end() :]
                for quotes in ('"""', "'''"):
                    if rest.count(quotes) % 2:
                        open_string = quotes
                        break

    def find(self, table: str | None, index: int | None, key: str | None) -> int | None:
        """The line of ``key`` in that table, else a sensible nearby line, else None.

        A *missing* key points at the header of the table that lacks it (where the
        person has to add it); a top-level name that is really a table (``sections``)
        points at its first header; an entry of an inline array points at the array.
        """
        candidates: list[Key] = [(table, index, key), (table, index, None)]
        if table is None and key is not None:
            candidates += [(key, 0, None), (key, None, None)]
        else:
            candidates.append((None, None, table))
        return next((self._lines[c] for c in candidates if c in self._lines), None)
