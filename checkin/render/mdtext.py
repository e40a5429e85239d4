"""Markdown text escaping for anything a person typed.

CommonMark lets a backslash precede any ASCII punctuation character and then shows that
character literally, so escaping *all* of them (``|``, ``*``, ``_``, backtick, ``#``, ``<``,
``>``, ``[``, ``]``, ``!``, ``&``, ``.``, ``-`` ...) means typed text can never open a
heading, list, quote, table cell, link, entity, code span or raw HTML. Line structure is
handled here too: every line is stripped (no indented code block, no trailing hard break)
and, for one-line contexts, the lines are folded into one.
"""

from __future__ import annotations

import string

# string.punctuation is exactly CommonMark's "ASCII punctuation character" set.
_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}
LINE_SEP = " / "


def escape(text: str) -> str:
    """Backslash-escape every ASCII punctuation character (no line handling)."""
    return text.translate(_ESCAPES)


def lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped (any line break style)."""
    return [s for s in (line.strip() for line in text.splitlines()) if s]


def is_blank(text: str) -> bool:
    return not lines(text)


def inline(text: str, sep: str = LINE_SEP) -> str:
    """``text`` as one escaped line, for table cells, list items and headings.

    Lines are joined with ``sep`` (which is inserted as Markdown, not escaped).
    """
    return sep.join(escape(s) for s in lines(text))


def paragraphs(text: str) -> list[str]:
    """``text`` as escaped Markdown paragraphs: blank lines separate paragraphs, the
    lines inside one are kept as hard line breaks (a trailing backslash)."""
    result: list[str] = []
    current: list[str] = []
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if line:
            current.append(escape(line))
        elif current:
            result.append("\\\n".join(current))
            current = []
    return result
