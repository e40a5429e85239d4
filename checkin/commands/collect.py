"""`checkin collect FILE|DIR... [--agenda A]`: take prep forms and readings.csv in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checkin import clock
from checkin.commands.common import data_dir, open_writer, out


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", type=Path,
                        help="filled-in prep forms (*.toml), folders of them, or a .csv of "
                             "metric,value[,comment] rows")
    parser.add_argument("--agenda", help="the agenda a readings .csv is for (default: the "
                                         "one whose metric names match)")


def files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in (".toml", ".csv"))
        else:
            found.append(path)
    return found


def run(args: argparse.Namespace) -> int:
    from checkin.core.agenda import load_agenda
    from checkin.errors import AgendaError
    from checkin.render.plain import safe
    from checkin.services import collect
    from checkin.services.agendas import agenda_dirs, list_agendas

    agendas = {}
    for info in list_agendas(agenda_dirs(data_dir(args))):
        if info.error is None:
            try:
                agendas[info.id] = load_agenda(info.path)
            except AgendaError:
                continue
    now, failed = clock.now(), False
    with open_writer(args) as store:
        for path in files(args.paths):
            got, problems = collect.read(path, agendas, store, today=now.date(),
                                         dayfirst=args.dayfirst, agenda_id=args.agenda)
            for line in problems:
                print(f"checkin: error: {safe(line)}", file=sys.stderr)
            failed = failed or bool(problems)
            if got is not None:
                out(safe(collect.take(store, got, now=now)) + "\n")
    return 2 if failed else 0
