"""Markdown text escaping for anything a person typed: only what would change the structure.

Minutes are read raw as often as rendered (pasted into chat, an email, a wiki), so typed
prose, numbers, dates and ids come out exactly as typed: ``check-in``, ``20%``, ``$40k``,
``4.2``, ``2026-11-29-weekly`` and ``snake_case`` carry no backslash. A backslash goes only
before a character that could open syntax *where it stands* (CommonMark and GFM):

- anywhere: ``\\``, ``|`` (a table cell), ``*``, backtick, ``[``, ``~`` (GFM strikethrough);
- ``_`` unless it sits inside a word (intraword ``_`` can neither open nor close emphasis);
- ``<`` before a letter, ``/``, ``!`` or ``?`` (a tag, autolink or comment; ``a < b`` stays);
- ``&`` that starts an entity (``&lt;``, ``&#60;``; ``R&D`` stays);
- at the start of a line: ``#``, ``>``, ``=``, ``-``, ``+`` or ``1.``/``1)`` that would start
  a heading, quote, setext underline, list or thematic break (``-3`` and ``#tag`` stay);
- a trailing `` #`` run (it would close an ATX heading).

Line structure is handled here too: every line is stripped (no indented code block, no
trailing hard break) and, for one-line contexts, the lines are folded into one.
"""

from __future__ import annotations

import re

LINE_SEP = " / "
HARD_BREAK = "  \n"  # two spaces: a line break that shows no backslash when read raw

_ALWAYS = {ord(c): "\\" + c for c in "\\|*`[~"}
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # an `_` not between two word chars
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LEADING = re.compile(r"^(?:[#=+-](?=[\s#=+-]|$)|>|\d{1,9}(?=[.)](?:\s|$)))")
_TRAILING_HASHES = re.compile(r"(?<=\s)(#+)$")


def escape(text: str) -> str:
    """Escape what could open syntax in one line of typed text (no line handling)."""
    text = text.translate(_ALWAYS)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _TAG.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    match = _LEADING.match(text)
    if match:
        head = match.group()
        # `1.` becomes `1\.`; a marker character gets its backslash in front.
        text = (head + "\\" + text[len(head):]) if head[0].isdigit() else "\\" + text
    return _TRAILING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), text)


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
    lines inside one are kept as hard line breaks (two trailing spaces)."""
    result: list[str] = []
    current: list[str] = []
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if line:
            current.append(escape(line))
        elif current:
            result.append(HARD_BREAK.join(current))
            current = []
    return result
