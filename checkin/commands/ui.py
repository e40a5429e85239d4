"""`checkin` and `checkin run`: open the Textual app (the only path that imports it)."""

from __future__ import annotations

import argparse

from checkin.commands.common import data_dir


def run(args: argparse.Namespace) -> int:
    from checkin.tui.app import run_app

    return run_app(data_dir(args), agenda=getattr(args, "agenda", None),
                   start=args.command == "run",
                   facilitator=getattr(args, "facilitator", ""), dayfirst=args.dayfirst)
