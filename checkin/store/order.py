"""The order of ids in a data file (``A9`` before ``A10``): no imports, so the CLI's fast
read path (``checkin.store.quick``) sorts exactly as the store does."""

from __future__ import annotations


def id_key(doc_id: str) -> tuple[object, ...]:
    """Numeric-aware sort key: ``A9`` < ``A10`` < ``B1``; ``2026-01-05-weekly`` by date."""
    parts: list[object] = []
    run, digits = "", False
    for ch in doc_id:
        if ch.isdigit() != digits:
            parts.append(int(run) if digits else run)
            run, digits = "", not digits
        run += ch
    parts.append(int(run) if digits else run)
    if digits:
        parts.append("")
    return tuple(parts)
