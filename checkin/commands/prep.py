"""`checkin prep AGENDA [-o DIR] [--department D]`: fill-in forms for the next meeting."""

from __future__ import annotations

import argparse
from pathlib import Path

from checkin.commands.common import agenda_for, open_readonly, out, today


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agenda", metavar="AGENDA", help="agenda id or file, e.g. weekly")
    parser.add_argument("-o", "--output", metavar="DIR", type=Path,
                        help="folder for the forms (default: prep-<meeting date>/)")
    parser.add_argument("--department", help="only this department's form")


def run(args: argparse.Namespace) -> int:
    from checkin.render.plain import safe
    from checkin.services.prep import write_forms

    agenda = agenda_for(args, args.agenda)
    with open_readonly(args) as store:
        paths = write_forms(store, agenda, today=today(), out_dir=args.output,
                            department=args.department)
    out("".join(safe(p) + "\n" for p in paths))
    return 0
