"""`checkin agendas [--check FILE]`: list the templates, or validate one file."""

from __future__ import annotations

import argparse
from pathlib import Path

from checkin.commands.common import data_dir, out
from checkin.core.agenda import load_agenda
from checkin.services.agendas import agenda_dirs, list_agendas


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", metavar="FILE", help="validate one agenda file")


def run(args: argparse.Namespace) -> int:
    if args.check:
        agenda = load_agenda(Path(args.check))
        out(f"{args.check}: OK — {agenda.title!r}, {len(agenda.sections)} sections, "
            f"{len(agenda.departments)} departments, {len(agenda.metrics)} metrics\n")
        return 0
    rows = list_agendas(agenda_dirs(data_dir(args)))
    for info in rows:
        if info.error:
            out(f"{info.id:<24} BROKEN  {info.error}\n")
        else:
            out(f"{info.id:<24} {info.cadence:<9} {info.title}  ({info.path})\n")
    if not rows:
        out("No agendas found.\n")
    return 0
