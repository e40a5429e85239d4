"""`checkin meetings`: meetings newest first."""

from __future__ import annotations

from checkin import locations
from checkin.commands.common import open_readonly, out
from checkin.render.numbers import format_number

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

LAST = 20


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agenda", help="only meetings of this agenda")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="json: a list of {id, agenda, date, status, facilitator, ...}")
    parser.add_argument("--all", action="store_true",
                        help=f"every meeting (default: the last {LAST})")


def run(args: argparse.Namespace) -> int:
    from checkin.store.quick import meeting_rows

    limit = None if args.all else LAST
    rows = meeting_rows(locations.data_dir_text(getattr(args, "data", None)), args.agenda,
                        limit)  # straight from the register (no store, no model)
    if rows is None:  # anything not plain: the store reads it, and says what is wrong
        with open_readonly(args) as store:
            rows = store.meetings(args.agenda, limit=limit)
    if args.format == "json":
        import json

        out(json.dumps([{"id": s.id, "agenda": s.agenda_id, "agenda_title": s.agenda_title,
                         "date": s.date.isoformat(), "status": s.status,
                         "facilitator": s.facilitator, "rating": s.rating,
                         "roadblocks": s.roadblocks, "actions": s.actions} for s in rows],
                       indent=2) + "\n")
        return 0
    if not rows:
        out("No meetings yet.\n")
        return 0
    header = ("ID", "DATE", "AGENDA", "FACILITATOR", "STATUS", "RATING", "ROADBLOCKS", "ACTIONS")
    table = [header] + [
        (s.id, s.date.isoformat(), s.agenda_title, s.facilitator, s.status,
         format_number(s.rating), str(s.roadblocks), str(s.actions))
        for s in rows
    ]
    widths = [max(len(r[c]) for r in table) for c in range(len(header))]
    out("".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n" for r in table))
    return 0
