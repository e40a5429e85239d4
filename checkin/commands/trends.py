"""`checkin trends AGENDA`: each metric's readings across the agenda's meetings."""

from __future__ import annotations

import argparse

from checkin.commands.common import open_readonly, out
from checkin.errors import CheckinError
from checkin.render.trends import RENDERERS
from checkin.services.trends import agenda_trends


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agenda", help="agenda id")
    parser.add_argument("--format", choices=("table", "md", "csv"), default="table")


def run(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        known = sorted({s.agenda_id for s in store.meetings()})
        if args.agenda not in known:
            raise CheckinError(
                f"no meetings of agenda {args.agenda!r}; agendas with meetings: "
                + (", ".join(known) or "none yet")
            )
        trends = agenda_trends(store, args.agenda)  # targets: the latest meeting's snapshot
    out(RENDERERS[args.format](trends))
    return 0
