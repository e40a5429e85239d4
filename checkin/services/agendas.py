"""Load and validate agenda templates (``agendas/*.toml``; the fields are described in README.md).

People write these files by hand, so every problem is reported as one line:
``<path>:<line>: <field>: <what is wrong>; <what is allowed / how to fix>``.
Fields are named like ``sections[3].kind``, counting tables from 1 as a person
does (the third ``[[sections]]`` in the file). When no line can be found the
``:<line>`` part is left out and the field name alone says where to look.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checkin.core.agenda import _show, load_agenda
from checkin.core.model import Agenda
from checkin.errors import AgendaError
from checkin.locations import bundled_agendas_dir, user_agendas_dir


@dataclass(frozen=True)
class AgendaInfo:
    """One agenda file as listed for the user; ``error`` is set when it does not load."""

    id: str
    title: str
    path: Path
    cadence: str
    error: str | None = None


def agenda_dirs(data_dir: Path) -> list[Path]:
    """Where agendas are looked up, in override order (later wins)."""
    return [bundled_agendas_dir(), user_agendas_dir(data_dir)]


def list_agendas(dirs: Iterable[Path]) -> list[AgendaInfo]:
    """Every ``*.toml`` in ``dirs``, sorted by id; a broken file is listed with its error."""
    found: dict[str, AgendaInfo] = {}
    for path in _agenda_files(dirs).values():
        try:
            agenda = load_agenda(path)
        except AgendaError as exc:
            found[path.stem] = AgendaInfo(path.stem, path.stem, path, "", str(exc))
        else:
            found[path.stem] = AgendaInfo(agenda.id, agenda.title, path, agenda.cadence)
    return [found[ident] for ident in sorted(found)]


DEFAULT_AGENDA = "weekly"


def agenda_by_name(name: str | None, data_dir: Path | None = None) -> Agenda:
    """The one loader by name, for the CLI, the app and the demo: ``name`` is an agenda id
    or a ``.toml`` path (default `DEFAULT_AGENDA`), looked up in the data dir's agendas over
    the bundled ones; without ``data_dir``, in the bundled ones only. Raises AgendaError."""
    dirs = agenda_dirs(data_dir) if data_dir is not None else [bundled_agendas_dir()]
    return load_agenda(find_agenda(name or DEFAULT_AGENDA, dirs))


def find_agenda(name: str, dirs: Iterable[Path]) -> Path:
    """The agenda file for ``name``: an existing path, else an id (file stem) in ``dirs``."""
    dirs = list(dirs)
    candidate = Path(name).expanduser()
    if candidate.is_file():
        return candidate
    files = _agenda_files(dirs)
    looks_like_path = len(candidate.parts) > 1
    ident = candidate.stem if candidate.suffix == ".toml" and not looks_like_path else name
    if ident in files:
        return files[ident]
    if looks_like_path:
        raise AgendaError(f"{name}: no such agenda file; check the path, or give an agenda id")
    known = ", ".join(sorted(files)) or "none found"
    where = ", ".join(str(d) for d in dirs)
    raise AgendaError(
        f"no agenda named {_show(name)}; available: {known} (in {where}), "
        "or give the path of a .toml file"
    )


def _agenda_files(dirs: Iterable[Path]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for folder in dirs:
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                files[path.stem] = path  # a later dir overrides an earlier one
    return files
