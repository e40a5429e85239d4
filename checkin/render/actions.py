"""Action items as text: an aligned table, Markdown, CSV, JSON. Pure functions."""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: `checkin actions` imports this module, not typing
if TYPE_CHECKING:
    from datetime import date

    from checkin.core.model import ActionItem
    from checkin.core.stored import StoredItem

    Items = list[ActionItem] | list[StoredItem]

COLUMNS = ("id", "owner", "title", "department", "due", "status", "overdue", "from")


def _row(item: ActionItem | StoredItem, today: date) -> list[str]:
    late = item.days_overdue(today)
    return [item.id, item.owner, item.title, item.department, item.due.isoformat(),
            item.status, f"{late}d" if late else "", item.created_in or ""]


def as_table(items: Items, today: date) -> str:
    """Aligned plain-text columns for a terminal."""
    if not items:
        return "No action items match.\n"
    rows = [[c.upper() for c in COLUMNS]] + [_row(i, today) for i in items]
    rows = [[" ".join(cell.split()) for cell in row] for row in rows]  # fold newlines
    widths = [min(max(len(r[c]) for r in rows), 48) for c in range(len(COLUMNS))]
    lines = []
    for row in rows:
        cells = [cell if len(cell) <= w else cell[: w - 1] + "…" for cell, w in zip(row, widths)]
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
    return "\n".join(lines) + f"\n{len(items)} item(s)\n"


def as_markdown(items: Items, today: date, title: str = "Action items") -> str:
    from checkin.render.mdtext import inline

    out = [f"# {inline(title)}", ""]
    if not items:
        return "\n".join(out + ["None.", ""])
    out += ["| Owner | Item | Department | Due | Status | From |",
            "| --- | --- | --- | --- | --- | --- |"]
    for i in items:
        late = i.days_overdue(today)
        status = f"overdue {late}d" if late else i.status
        out.append("| " + " | ".join(inline(c) for c in (
            i.owner, i.title, i.department, i.due.isoformat(), status, i.created_in or "")) + " |")
    return "\n".join(out) + "\n"


def as_csv(items: Items, today: date) -> str:
    """One header row and one row per item; formula-looking cells neutralised."""
    from checkin.render.csvtext import rows_csv

    return rows_csv([COLUMNS, *(_row(i, today) for i in items)])


def as_json(items: list[ActionItem], today: date) -> str:
    import json

    from checkin.core.data import to_data

    data = [to_data(i) | {"days_overdue": i.days_overdue(today)} for i in items]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"table": as_table, "md": as_markdown, "csv": as_csv, "json": as_json}
