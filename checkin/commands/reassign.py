"""`checkin reassign ID NAME`: give an action item to someone else (history keeps who)."""

from __future__ import annotations

import argparse

from checkin.commands.common import item_agenda, item_line, open_writer, out, today


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="action item id, e.g. A12")
    parser.add_argument("name", metavar="NAME", help="full or first name, e.g. Dana")
    parser.add_argument("--new", action="store_true",
                        help="allow an owner nobody has used yet")


def run(args: argparse.Namespace) -> int:
    from checkin.services import items

    with open_writer(args) as store:
        agenda = item_agenda(args, store.action(args.id.strip().upper()).agenda_id)
        item = items.reassign(store, args.id, args.name, today=today(), agenda=agenda,
                              allow_new=args.new)
    out(f"{item_line(item)}\n")
    return 0
