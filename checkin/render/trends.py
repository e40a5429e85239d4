"""Scorecard trends of one agenda: each metric's readings across its ended meetings, the
latest off-track streak, and the action item completion rate per meeting.

Built from the store's meeting index (``MeetingSummary.readings``/``on_track``), so no
meeting file is opened. Renderers: an aligned table, Markdown, CSV (long format).
"""

from __future__ import annotations

from checkin.core.rules import OFF_TRACK_STREAK
from checkin.core.trends import Point, Trend, Trends
from checkin.render.csvtext import rows_csv
from checkin.render.mdtext import inline
from checkin.render.numbers import format_number, format_target

ON, OFF, NONE = "✓", "✗", "·"


# ---------------------------------------------------------------- rendering
def number(value: float | None) -> str:
    """A reading as the scorecard writes it (``1,234,567``, never ``1.23e+06``)."""
    return format_number(value)


def mark(on_track: bool | None) -> str:
    return {True: ON, False: OFF}.get(on_track, NONE)  # type: ignore[arg-type]


def cell(point: Point, unit: str = "") -> str:
    """``"98 ✓"``, ``"91 ✗"``, ``"75%"`` (no target), or ``"·"`` when nothing was read."""
    if point.value is None:
        return NONE
    if point.on_track is None:
        return f"{number(point.value)}{unit if unit == '%' else ''}"
    return f"{number(point.value)} {mark(point.on_track)}"


def target_text(trend: Trend) -> str:
    """``≥ $250,000``, as in the scorecard and the minutes; ``""`` without a target."""
    return format_target(trend)


def streak_text(trend: Trend) -> str:
    n = trend.streak
    return f"{n} {OFF}" + (" !" if trend.escalate else "") if n else ""


def _grid(trends: Trends) -> list[list[str]]:
    head = ["Metric", "Target", *(s.date.strftime("%m-%d") for s in trends.meetings), "Streak"]
    body = [[t.name, target_text(t), *(cell(p, t.unit) for p in t.points), streak_text(t)]
            for t in trends.rows]
    return [head, *body]


def as_table(trends: Trends, width: int | None = None) -> str:
    """An aligned table; with ``width`` (the terminal's) the oldest meetings are left out
    until every line fits, and the heading says how many are shown."""
    if not trends.meetings:
        return f"No ended meetings of {trends.agenda_id!r} yet.\n"
    rows = [[" ".join(c.split()) for c in row] for row in _grid(trends)]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    widths[0] = min(widths[0], 32)
    shown = len(trends.meetings)

    def line_width(n: int) -> int:  # name, target, the latest n meetings, streak
        used = [widths[0], widths[1], *widths[2 + len(trends.meetings) - n:-1], widths[-1]]
        return sum(used) + 2 * (len(used) - 1)

    if width is not None:  # older meetings go first, names are cut only to keep two
        while shown > min(2, len(trends.meetings)) and line_width(shown) > width:
            shown -= 1
        widths[0] = max(16, widths[0] - max(0, line_width(shown) - width))
        while shown > 1 and line_width(shown) > width:
            shown -= 1
    drop = len(trends.meetings) - shown
    rows = [[r[0], r[1], *r[2 + drop:]] for r in rows]
    widths = [widths[0], widths[1], *widths[2 + drop:]]
    lines = [f"{trends.agenda_title}: {len(trends.meetings)} meetings",
             f"{ON} on track, {OFF} off track, ! = {OFF_TRACK_STREAK}+ in a row"]
    if drop:
        lines.append(f"latest {shown} shown; --format csv has all")
    lines.append("")
    for row in rows:
        cells = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths)]
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        lines.append("  ".join([first, *rest]).rstrip())
    return "\n".join(lines) + "\n"


def as_markdown(trends: Trends) -> str:
    out = [f"# Trends — {inline(trends.agenda_title) or trends.agenda_id}", ""]
    if not trends.meetings:
        return "\n".join(out + ["No ended meetings yet.", ""])
    grid = _grid(trends)
    out.append("| " + " | ".join(grid[0]) + " |")
    out.append("|---|---|" + "--:|" * len(trends.meetings) + "---|")
    for row in grid[1:]:
        out.append("| " + " | ".join([inline(row[0]), *row[1:]]) + " |")
    out += ["", f"{ON} on track, {OFF} off track; Streak: latest off-track readings in a row "
            f"(! = {OFF_TRACK_STREAK} or more: raise it as a roadblock).", ""]
    return "\n".join(out)


def as_csv(trends: Trends) -> str:
    """Long format: one line per metric and meeting."""
    rows = [["metric", "date", "meeting", "value", "on_track", "target", "unit"]]
    for t in trends.rows:
        for p in t.points:
            track = "" if p.on_track is None else ("yes" if p.on_track else "no")
            rows.append([t.name, p.date.isoformat(), p.meeting_id,
                         format_number(p.value, grouping=""), track,
                         format_number(t.target, grouping=""), t.unit])
    return rows_csv(rows)


RENDERERS = {"table": as_table, "md": as_markdown, "csv": as_csv}
