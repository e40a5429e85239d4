"""Load and validate agenda templates (``agendas/*.toml``; the fields are described in README.md).

People write these files by hand, so every problem is reported as one line:
``<path>:<line>: <field>: <what is wrong>; <what is allowed / how to fix>``.
Fields are named like ``sections[3].kind``, counting tables from 1 as a person
does (the third ``[[sections]]`` in the file). When no line can be found the
``:<line>`` part is left out and the field name alone says where to look.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn

from checkin.core.agenda_lines import Key, LineIndex
from checkin.core.model import (
    BETTER,
    CADENCES,
    DEFAULT_SECTION_TITLES,
    SECTION_KINDS,
    Agenda,
    Department,
    MetricDef,
    Section,
)
from checkin.errors import AgendaError

ALLOWED_KEYS: dict[str | None, tuple[str, ...]] = {
    None: ("title", "cadence", "duration_minutes", "shared_goal", "departments", "metrics",
           "sections"),
    "departments": ("name", "representative", "email"),
    "metrics": ("name", "department", "unit", "target", "better"),
    "sections": ("kind", "title", "timebox_minutes", "prompt"),
}


# Sane limits: a real agenda is a few KB with ~10 sections. Far beyond them a hand-written
# file is a mistake (or an attack) that would otherwise cost minutes and gigabytes to open.
MAX_FILE_BYTES = 256 * 1024
MAX_ID_CHARS = 64  # the file name (without .toml) goes into every meeting file's name
MAX_TABLES = {"departments": 50, "metrics": 100, "sections": 50}
MAX_TEXT_CHARS = 2000
_EMAIL = re.compile(r"[^@\s<>,;\"()]+@[^@\s<>,;\"()]+\.[^@\s<>,;\"().]+")

_SYNTAX_HINT = (
    "check the TOML syntax there: text needs quotes (title = \"Weekly\"), "
    "each setting is key = value on its own line, once per table; tables are [[sections]]"
)


def load_agenda(path: Path) -> Agenda:
    """Read and validate one agenda file; ``AgendaError`` (one line) if anything is wrong."""
    path = Path(path)
    _check_name(path)
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AgendaError(_syntax_message(path, text, str(exc))) from None
    except RecursionError:
        raise AgendaError(_too_deep(path)) from None
    if not data:
        raise AgendaError(
            f"{path}:1: the file is empty (nothing but blanks or comments); "
            "start from a bundled template and set at least title and [[sections]]"
        )
    try:
        return _Validator(path, LineIndex(text)).agenda(data)
    except RecursionError:
        raise AgendaError(_too_deep(path)) from None


def _too_deep(path: Path) -> str:
    return (f"{path}: arrays or tables are nested too deeply to read; an agenda needs no "
            "nesting beyond [[sections]] tables: remove the nested brackets")


def _check_name(path: Path) -> None:
    if len(path.stem) > MAX_ID_CHARS:
        raise AgendaError(
            f"{path}: the file name is {len(path.stem)} characters long; rename it to at most "
            f"{MAX_ID_CHARS} (it becomes the agenda id and part of every meeting file name)"
        )


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise AgendaError(f"{path}: cannot read the file ({exc.strerror}); "
                          "check that it exists and is readable") from None
    if len(raw) > MAX_FILE_BYTES:
        raise AgendaError(f"{path}: the file is larger than {MAX_FILE_BYTES // 1024} KB; an "
                          "agenda is a few KB: check that this is the right file")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AgendaError(
            f"{path}:{line}: the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "save it with UTF-8 encoding in your editor"
        ) from None


def _syntax_message(path: Path, text: str, message: str) -> str:
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if match:
        line, reason = match[1], f"{message[: match.start()]} (column {match[2]})"
    else:
        line = str(LineIndex(text).last_line)
        reason = message.replace("(at end of document)", "(at the end of the file)").strip()
    return f"{path}:{line}: invalid TOML: {reason}; {_SYNTAX_HINT}"


def _show(value: Any) -> str:
    """A value as it would look in TOML, on one short line."""
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _field(table: str | None, index: int | None, key: str | None) -> str:
    name = table if table is not None else ""
    if index is not None:
        name += f"[{index + 1}]"
    if key is not None:
        name += f".{key}" if name else key
    return name


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Validator:
    """Checks parsed TOML against the agenda shape and builds the ``Agenda``."""

    def __init__(self, path: Path, lines: LineIndex) -> None:
        self.path, self.lines = path, lines

    def fail(self, where: Key, what: str, fix: str) -> NoReturn:
        line = self.lines.find(*where)
        at = f"{self.path}:{line}" if line is not None else str(self.path)
        raise AgendaError(f"{at}: {_field(*where)}: {what}; {fix}".replace("\n", " "))

    def check_keys(self, table: str | None, index: int | None, data: dict[str, Any]) -> None:
        allowed = ALLOWED_KEYS[table]
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean {close[0]}? " if close else ""
                where = f"in [[{table}]]" if table else "at the top level"
                self.fail((table, index, key), "unknown key",
                          f"{hint}allowed keys {where}: {', '.join(allowed)}")

    def text(self, where: Key, data: dict[str, Any], default: str | None = None) -> str:
        """A string setting; ``default=None`` makes it required and non-empty."""
        key = where[2]
        if key not in data:
            if default is not None:
                return default
            self.fail(where, "missing", f"add a line like {key} = \"...\"")
        value = data[key]
        if not isinstance(value, str):
            self.fail(where, f"{_show(value)} is not text", f"put it in quotes: {key} = \"...\"")
        if default is None and not value.strip():
            self.fail(where, "is empty", f"give the {key} some text")
        if len(value) > MAX_TEXT_CHARS:
            self.fail(where, f"is {len(value)} characters long",
                      f"keep it under {MAX_TEXT_CHARS}; longer notes belong in the meeting")
        return value

    def choice(self, where: Key, data: dict[str, Any], allowed: tuple[str, ...],
               default: str | None, noun: str) -> str:
        """One of ``allowed``; ``default=None`` makes it required."""
        options = " | ".join(allowed) or "(none: add [[departments]] tables first)"
        if default is None and where[2] not in data:
            self.fail(where, "missing", f'add {where[2]} = "..." with one of: {options}')
        value = self.text(where, data, default)
        if value not in allowed:
            self.fail(where, f"{_show(value)} is not {noun}", f"use one of: {options}")
        return value

    def whole(self, where: Key, data: dict[str, Any], default: int, minimum: int) -> int:
        value = data.get(where[2], default)
        if not _is_int(value) or value < minimum:
            allowed = "greater than 0" if minimum == 1 else f"{minimum} or more"
            self.fail(where, f"{_show(value)} is not allowed",
                      f"use a whole number of minutes {allowed}, e.g. {where[2]} = {default}")
        return value

    def tables(self, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail((None, None, name), "must be a list of tables",
                      f"write each entry under its own [[{name}]] header (double brackets)")
        if len(value) > MAX_TABLES[name]:
            self.fail((name, MAX_TABLES[name], None), f"{len(value)} [[{name}]] tables",
                      f"an agenda holds at most {MAX_TABLES[name]}; split it into two agendas")
        for index, entry in enumerate(value):
            self.check_keys(name, index, entry)
        return value

    def agenda(self, data: dict[str, Any]) -> Agenda:
        self.check_keys(None, None, data)
        title = self.text((None, None, "title"), data)
        cadence = self.choice((None, None, "cadence"), data, CADENCES, "weekly", "a cadence")
        duration = self.whole((None, None, "duration_minutes"), data, 60, minimum=1)
        goal = self.text((None, None, "shared_goal"), data, "")
        departments = self.departments(self.tables(data, "departments"))
        metrics = self.metrics(self.tables(data, "metrics"), departments)
        sections = self.sections(self.tables(data, "sections"), departments, metrics)
        return Agenda(id=self.path.stem, title=title, cadence=cadence,
                      duration_minutes=duration, shared_goal=goal, departments=departments,
                      metrics=metrics, sections=sections)

    def departments(self, entries: list[dict[str, Any]]) -> list[Department]:
        result: list[Department] = []
        for i, entry in enumerate(entries):
            name = self.text(("departments", i, "name"), entry)
            if any(d.name == name for d in result):
                self.fail(("departments", i, "name"), f"{_show(name)} is listed twice",
                          "give each [[departments]] a different name, or remove one")
            rep = self.text(("departments", i, "representative"), entry, "")
            email = self.text(("departments", i, "email"), entry, "").strip()
            if email and not _EMAIL.fullmatch(email):
                self.fail(("departments", i, "email"), f"{_show(email)} is not an email address",
                          'write one address like email = "sales@example.com", or remove it')
            result.append(Department(name=name, representative=rep, email=email))
        return result

    def metrics(self, entries: list[dict[str, Any]], departments: list[Department]
                ) -> list[MetricDef]:
        known = tuple(d.name for d in departments)
        result: list[MetricDef] = []
        for i, entry in enumerate(entries):
            name = self.text(("metrics", i, "name"), entry)
            if any(m.name == name for m in result):
                self.fail(("metrics", i, "name"), f"{_show(name)} is listed twice",
                          "give each [[metrics]] a different name, or remove one")
            department = self.choice(("metrics", i, "department"), entry, known, None,
                                     "a department of this agenda")
            if "target" not in entry:
                self.fail(("metrics", i, "target"), "missing",
                          "add the number that counts as on track, e.g. target = 120")
            target = entry["target"]
            if isinstance(target, bool) or not isinstance(target, int | float):
                self.fail(("metrics", i, "target"), f"{_show(target)} is not a number",
                          "write a plain number without quotes or units, e.g. target = 95.5")
            if abs(target) > 1e15 or not math.isfinite(target):
                self.fail(("metrics", i, "target"), f"{target} is not a usable number",
                          "write a finite number (not nan or inf), e.g. target = 95.5")
            better = self.choice(("metrics", i, "better"), entry, BETTER, "higher",
                                 "a direction")
            unit = self.text(("metrics", i, "unit"), entry, "")
            result.append(MetricDef(name=name, department=department, target=float(target),
                                    better=better, unit=unit))
        return result

    def sections(self, entries: list[dict[str, Any]], departments: list[Department],
                 metrics: list[MetricDef]) -> list[Section]:
        if not entries:
            self.fail((None, None, "sections"), "the agenda has no sections",
                      f"add [[sections]] tables in meeting order, kind = one of: "
                      f"{' | '.join(SECTION_KINDS)}")
        result: list[Section] = []
        for i, entry in enumerate(entries):
            where: Key = ("sections", i, "kind")
            kind = self.choice(where, entry, SECTION_KINDS, None, "a section kind")
            if kind == "metrics" and not metrics:
                self.fail(where, "a metrics section but no metrics are defined",
                          "add [[metrics]] tables, or remove this section")
            if kind in ("updates", "attendance") and not departments:
                self.fail(where, f"an {kind} section but no departments are defined",
                          "add [[departments]] tables, or remove this section")
            title = self.text(("sections", i, "title"), entry, DEFAULT_SECTION_TITLES[kind])
            timebox = self.whole(("sections", i, "timebox_minutes"), entry, 5, minimum=0)
            prompt = self.text(("sections", i, "prompt"), entry, "")
            result.append(Section(kind=kind, title=title.strip() or DEFAULT_SECTION_TITLES[kind],
                                  timebox_minutes=timebox, prompt=prompt))
        return result
