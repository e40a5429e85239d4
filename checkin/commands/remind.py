"""`checkin remind [--days N]`: per owner, open items due soon or overdue (for cron)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checkin.commands.common import data_dir, open_readonly, out, today
from checkin.errors import CheckinError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--days", type=int, default=7, metavar="N",
                        help="items due within N days, and every overdue one (default: 7)")
    parser.add_argument("--format", choices=("md", "eml"), default="md",
                        help="md: one digest; eml: one email per owner (needs -o or --send)")
    parser.add_argument("-o", "--output", metavar="DIR", help="eml: folder to write them in")
    parser.add_argument("--send", action="store_true",
                        help="eml: pipe each to sendmail_command of the config file")


def run(args: argparse.Namespace) -> int:
    if args.days < 0:
        raise CheckinError(f"--days: {args.days} is negative; give 0 or more days")
    if args.format == "eml" and not (args.output or args.send):
        raise CheckinError("--format eml: one file per owner needs a folder; add -o DIR "
                           "(or --send)")
    if args.send and args.format != "eml":
        raise CheckinError("--send: only emails can be sent; add --format eml")
    day = today()
    with open_readonly(args) as store:
        from checkin.services import reminders

        groups = reminders.reminder_items(store, day, args.days)
    if args.format == "md":
        out(reminders.reminder_digest(groups, day))
        return 0
    from checkin.core.agenda import load_agenda
    from checkin.services import mail
    from checkin.services.agendas import agenda_dirs, list_agendas

    agendas = {info.id: load_agenda(info.path)
               for info in list_agendas(agenda_dirs(data_dir(args))) if not info.error}
    messages = {owner: reminders.reminder_message(
                    owner, items, day, reminders.owner_address(owner, items, agendas))
                for owner, items in groups.items()}
    if args.output:
        for path in reminders.write_reminders(messages, Path(args.output)):
            print(path, file=sys.stderr)
    if args.send:
        unaddressed = [owner for owner, m in messages.items() if not m["To"]]
        for message in messages.values():
            if message["To"]:
                mail.send(message, args.config)
        if unaddressed:
            raise CheckinError(f"no address for {', '.join(unaddressed)}: not sent; add "
                               'email = "..." to their departments in the agenda')
    return 0
