"""`checkin actions`: action items across all meetings, filtered, in several formats."""

from __future__ import annotations

import argparse

from checkin.commands.common import open_readonly, out, today
from checkin.core.rules import filter_actions, sort_actions
from checkin.render import actions as formats

FORMATS = ("table", "md", "csv", "json", "ics", "taskwarrior")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--owner")
    parser.add_argument("--department")
    parser.add_argument("--overdue", action="store_true", help="only open items past due")
    parser.add_argument("--status", choices=("open", "done", "dropped", "all"), default="open")
    parser.add_argument("--agenda", help="only items of this agenda")
    parser.add_argument("--by-owner", action="store_true", help="one section per owner")
    parser.add_argument("--format", choices=FORMATS, default="table")


def run(args: argparse.Namespace) -> int:
    day = today()
    with open_readonly(args) as store:
        items = filter_actions(
            store.actions(None if args.status == "all" else args.status),
            today=day,
            owner=args.owner,
            department=args.department,
            status=args.status,
            overdue=args.overdue,
            agenda_id=args.agenda,
        )
    items = sort_actions(items, "owner" if args.by_owner else "due")
    fmt = args.format
    if fmt in ("ics", "taskwarrior"):
        from checkin.render import share

        out(share.FORMATS[fmt](items, day))
    elif args.by_owner or (args.owner and fmt == "md"):
        from checkin.render import share

        out(share.digest(items, day, by_owner=args.by_owner, fmt=fmt))
    else:
        out(formats.FORMATS[fmt](items, day))
    return 0
