"""What the sub-commands share: opening the data dir, loading an agenda."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checkin import clock, locations
from checkin.core.model import Agenda
from checkin.store import Store


def data_dir(args: argparse.Namespace) -> Path:
    return locations.data_dir(getattr(args, "data", None))


def open_readonly(args: argparse.Namespace) -> Store:
    """The data dir for reading: needs no lock, so it works beside a running app."""
    return Store(data_dir(args), readonly=True).open()


def agenda_for(args: argparse.Namespace, name: str | None) -> Agenda:
    from checkin.services.agendas import agenda_by_name

    return agenda_by_name(name, data_dir(args))


def out(text: str) -> None:
    sys.stdout.write(text)


today = clock.today
