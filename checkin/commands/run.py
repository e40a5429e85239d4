"""`checkin run [AGENDA]`: start (or resume) the meeting of an agenda in the app."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agenda", nargs="?", help="agenda id or .toml file (default: weekly)")
    parser.add_argument("--facilitator", default="", help="your name, shown in the minutes")


def run(args: argparse.Namespace) -> int:
    from checkin.commands import ui

    return ui.run(args)
