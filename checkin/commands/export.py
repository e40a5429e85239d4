"""`checkin export MEETING`: a meeting's minutes as Markdown, HTML or an email (eml)."""

from __future__ import annotations

import argparse
from pathlib import Path

from checkin.commands.common import data_dir, open_readonly, out
from checkin.services.files import write_file
from checkin.services.minutes import minutes_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from checkin.core.model import Meeting
    from checkin.core.stored import StoredSummary


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", help="meeting id, date (YYYY-MM-DD) or `last`")
    parser.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    parser.add_argument("--format", choices=("md", "html", "eml"), default="md",
                        help="eml: a multipart email (Markdown text + HTML) to the attendees")
    parser.add_argument("--send", action="store_true",
                        help="eml only: pipe it to sendmail_command of the config file")


def last_meeting(root: Path) -> str | None:
    """The latest meeting's id, read from the register's bytes (``store.quick``) without
    parsing the meeting index; None: ask the store (no meetings yet, anything odd)."""
    from checkin.store.quick import meeting_rows

    rows = meeting_rows(root, None, 1)
    return rows[0].id if rows else None


def earlier_rows(root: Path, meeting: Meeting) -> list[StoredSummary] | None:
    """The agenda's meetings before ``meeting`` that its minutes compare with, read the
    same way; None: the minutes ask the store."""
    from checkin.services.minutes import TREND_MEETINGS
    from checkin.store.quick import meeting_rows

    return meeting_rows(root, meeting.agenda.id, TREND_MEETINGS,
                        before=(meeting.date.isoformat(), meeting.id))


def run(args: argparse.Namespace) -> int:
    from checkin.errors import CheckinError

    if args.send and args.format != "eml":
        raise CheckinError("--send: only an email can be sent; add --format eml")
    with open_readonly(args) as store:
        found = last_meeting(store.root) if args.meeting == "last" else None
        meeting = store.load_meeting(found or store.find_meeting(args.meeting).id)
        if args.format == "eml":
            from checkin.services import mail

            message = mail.minutes_email(store, meeting)
            text = message.as_string()
        else:
            text = minutes_text(store, meeting, args.format, earlier_rows(store.root, meeting))
    if args.output:
        write_file(text, Path(args.output), data_dir=data_dir(args))
    elif not args.send:
        out(text)
    if args.send:
        mail.send(message, args.config)
    return 0
