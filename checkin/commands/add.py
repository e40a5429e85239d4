"""`checkin add "@owner #dept title due:fri"`: the app's quick-add line from the shell."""

from __future__ import annotations

import argparse

from checkin.commands.common import agenda_for, fire_hooks, item_line, open_writer, out, today


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("line", help='e.g. "@Dana #Sales update CRM stages due:next fri"')
    parser.add_argument("--agenda", help="the agenda whose next meeting reviews it (weekly)")
    parser.add_argument("--new", action="store_true",
                        help="allow an owner nobody has used yet")


def run(args: argparse.Namespace) -> int:
    from checkin.services import items

    agenda = agenda_for(args, args.agenda)
    with open_writer(args) as store:
        item = items.add(store, args.line, agenda=agenda, today=today(),
                         dayfirst=args.dayfirst, allow_new=args.new)
    out(f"added {item_line(item)}\n")
    fire_hooks("action-added", [item])
    return 0
