"""`checkin export MEETING`: a meeting's minutes as Markdown or HTML."""

from __future__ import annotations

import argparse
from pathlib import Path

from checkin.commands.common import data_dir, open_readonly, out
from checkin.services.files import write_file
from checkin.services.minutes import minutes_text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", help="meeting id, date (YYYY-MM-DD) or `last`")
    parser.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    parser.add_argument("--format", choices=("md", "html"), default="md")


def run(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        meeting = store.load_meeting(store.find_meeting(args.meeting).id)
        text = minutes_text(store, meeting, args.format)
    if args.output:
        write_file(text, Path(args.output), data_dir=data_dir(args))
    else:
        out(text)
    return 0
