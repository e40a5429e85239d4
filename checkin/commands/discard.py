"""`checkin discard MEETING [--yes]`: undo a meeting started by mistake."""

from __future__ import annotations

import argparse
import sys

from checkin.commands.common import data_dir, out
from checkin.errors import CheckinError
from checkin.services.meetings import discard_check, discard_meeting
from checkin.store import Store


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", help="meeting id, date (YYYY-MM-DD) or `last`")
    parser.add_argument("--yes", action="store_true", help="do not ask first")


def run(args: argparse.Namespace) -> int:
    with Store(data_dir(args)) as store:
        summary = discard_check(store, args.meeting)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CheckinError(f"{summary.id}: discarding cannot be undone; add --yes "
                                   "to discard without being asked")
            try:
                answer = input(f"Discard {summary.id} ({summary.agenda_title}, "
                               f"{summary.status}) and undo everything it did? [y/N] ")
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes"):
                out("Nothing discarded.\n")
                return 1
        done = discard_meeting(store, summary.id)
    out(f"Discarded {done.meeting_id}: {len(done.removed_items)} item(s) created in it removed,"
        f" {len(done.reverted_items)} carried-over item(s) reverted.\n")
    return 0
