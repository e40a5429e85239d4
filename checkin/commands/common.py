"""What the sub-commands share: opening the data dir, loading an agenda.

Imports only what every command needs: the store and the model load when a command
opens the data (`checkin actions` may list today's items without either).
"""

from __future__ import annotations

import sys

from checkin import clock, locations
from checkin.render.terminal import safe

TYPE_CHECKING = False  # not typing's (~3 ms a process)
if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from checkin.core.model import ActionItem, Agenda
    from checkin.store import Store


def data_dir(args: argparse.Namespace) -> Path:
    return locations.data_dir(getattr(args, "data", None))


def open_readonly(args: argparse.Namespace) -> Store:
    """The data dir for reading: needs no lock, so it works beside a running app."""
    from checkin.store import Store

    return Store(data_dir(args), readonly=True).open()


def agenda_for(args: argparse.Namespace, name: str | None) -> Agenda:
    from checkin.services.agendas import agenda_by_name

    return agenda_by_name(name, data_dir(args))


def out(text: str) -> None:
    """Print ``text`` with every control character made visible (never obeyed)."""
    sys.stdout.write(safe(text))


today = clock.today


def open_writer(args: argparse.Namespace) -> Store:
    """The data dir for writing: takes the lock (a one-line refusal while the app is open)."""
    from checkin.store import Store

    return Store(data_dir(args))  # `with` opens it (and takes the lock) once


def item_agenda(args: argparse.Namespace, agenda_id: str) -> Agenda | None:
    """The template an item belongs to, if it still exists (for its names and dates)."""
    from checkin.errors import AgendaError

    try:
        return agenda_for(args, agenda_id) if agenda_id else None
    except AgendaError:
        return None


def item_line(item: ActionItem) -> str:
    """``A12 done: title (owner, due 2026-12-04)``, safe to print on a terminal."""
    from checkin.render.plain import safe

    return safe(f"{item.id} {item.status}: {item.title} ({item.owner}, due "
                f"{item.due.isoformat()})")


def fire_hooks(event: str, items: list[ActionItem]) -> None:
    """Run the ``event`` hook (``action-added``/``action-closed``) once per item, after the
    write and outside the lock; a failing or hanging hook is one warning line on stderr,
    never a failed command: the data is saved."""
    from checkin.services.hooks import item_json, run_hook

    for item in items:
        result = run_hook(event, stdin=item_json(item))
        if result is not None and not result.ok:
            print(safe(f"checkin: warning: {result.message}"), file=sys.stderr)
