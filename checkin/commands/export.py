"""`checkin export MEETING`: a meeting's minutes as Markdown or HTML."""

from __future__ import annotations

import argparse
from pathlib import Path

from checkin.commands.common import open_readonly, out
from checkin.export import write_file
from checkin.minutes_data import minutes_text


def run(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        meeting = store.load_meeting(store.find_meeting(args.meeting).id)
        text = minutes_text(store, meeting, args.format)
    if args.output:
        write_file(text, Path(args.output))
    else:
        out(text)
    return 0
