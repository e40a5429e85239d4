"""`checkin sync`: commit, pull and push a data dir that is a git working tree."""

from __future__ import annotations

import argparse

from checkin.commands.common import data_dir, out


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no options of its own: --data names the working tree


def run(args: argparse.Namespace) -> int:
    from checkin.render.plain import safe
    from checkin.services.sync import sync

    out("".join(safe(line) + "\n" for line in sync(data_dir(args))))
    return 0
