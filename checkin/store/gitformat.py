"""checkin's data files as the merge driver sees them: tables of documents keyed by id.

The one place `checkin sync`'s merge driver touches the file format, through the store's
own line format (`checkin.store.lines`): every file is ``[table, id, {document}]`` lines,
so three versions are merged document by document and written back in file order.
"""

from __future__ import annotations

from checkin.store.lines import FormatError, Tables, format_lines, parse_lines


def load(raw: bytes) -> Tables:
    """The tables of a file's bytes (empty bytes: none). Raises ValueError if damaged."""
    if not raw.strip():
        return {}
    try:
        return parse_lines(raw)
    except FormatError as exc:
        raise ValueError(str(exc)) from None


def dump(tables: Tables) -> bytes:
    """Bytes for ``tables`` in the store's deterministic order."""
    return format_lines(tables)
