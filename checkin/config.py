"""The user's config file (``config.toml``, see :func:`checkin.locations.config_path`).

Every command reads it first. It holds the facilitator's own defaults::

    facilitator = "Alex Morgan"     # asked at the start of a meeting otherwise
    dayfirst = true                 # read 4/12 as 4 December
    default_agenda = "weekly"       # what `checkin run` starts without a name
    number_grouping = ","           # "," "." " " "'" or "" (none); "." makes the decimal point ","
    sendmail_command = "msmtp -t"   # `--send` pipes a message to it; never anything else

A missing file is an empty config. A bad key or value raises ``ConfigError``: one line
naming the file, the line and the fix. Only ``tomllib`` is imported (cheap at start-up).
"""

from __future__ import annotations

import os
import re

from checkin import locations
from checkin.errors import CheckinError

TYPE_CHECKING = False  # every command reads the config: not typing, not pathlib (~7 ms)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

GROUPINGS = (",", ".", " ", "'", "\u202f", "")
KEYS = ("facilitator", "dayfirst", "default_agenda", "number_grouping", "sendmail_command")


class ConfigError(CheckinError):
    """The config file is unreadable or holds a bad key or value."""


class Config:
    """The config's values (defaults where the file is silent). A plain class, not a
    dataclass: every command reads it, and ``dataclasses`` costs ~10 ms to import."""

    __slots__ = ("path", "facilitator", "dayfirst", "default_agenda", "number_grouping",
                 "sendmail_command")

    def __init__(self, path: Path | None = None, facilitator: str = "", dayfirst: bool = False,
                 default_agenda: str = "", number_grouping: str = ",",
                 sendmail_command: list[str] | None = None) -> None:
        self.path = path
        self.facilitator = facilitator
        self.dayfirst = dayfirst
        self.default_agenda = default_agenda
        self.number_grouping = number_grouping
        self.sendmail_command = list(sendmail_command or ())

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is Config and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values()[:5])

    def __repr__(self) -> str:
        return "Config(" + ", ".join(f"{n}={v!r}" for n, v in
                                     zip(self.__slots__, self._values())) + ")"


def load_config(path: Path | None = None) -> Config:
    """The config at ``path`` (default: :func:`checkin.locations.config_path`)."""
    where = os.fspath(path) if path is not None else locations.config_path_text()
    try:
        with open(where, "rb") as file:
            raw = file.read()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        from pathlib import Path

        raise ConfigError(f"{Path(where)}: cannot read the config file ({exc.strerror}); "
                          "fix its permissions or set $CHECKIN_CONFIG to another file") from None
    import tomllib  # only when there is a file: start-up stays cheap without one
    from pathlib import Path

    path = Path(where)

    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the config file is not UTF-8 text; "
                          "save it with UTF-8 encoding") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = match[1] if match else "1"
        reason = str(exc)[: match.start()].strip() if match else str(exc)
        raise ConfigError(f"{path}:{line}: invalid TOML: {reason}; write key = value, "
                          'text in quotes (facilitator = "Alex")') from None
    return _Checker(path, text).config(data)


class _Checker:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, key: str, what: str, fix: str) -> ConfigError:
        pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*[=.\[]""")
        line = next((n for n, s in enumerate(self.text.splitlines(), 1) if pattern.match(s)),
                    None)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {key}: {what}; {fix}")

    def config(self, data: dict[str, Any]) -> Config:
        for key in data:
            if key not in KEYS:
                import difflib

                close = difflib.get_close_matches(key, KEYS, n=1)
                hint = f"did you mean {close[0]}? " if close else ""
                raise self.fail(key, "unknown key", f"{hint}known keys: {', '.join(KEYS)}")
        values: dict[str, Any] = {}
        for key in ("facilitator", "default_agenda", "number_grouping"):
            if key in data:
                if not isinstance(data[key], str):
                    raise self.fail(key, f"{data[key]!r} is not text",
                                    f'put it in quotes: {key} = "..."')
                values[key] = data[key].strip() if key != "number_grouping" else data[key]
        if "dayfirst" in data:
            if not isinstance(data["dayfirst"], bool):
                raise self.fail("dayfirst", f"{data['dayfirst']!r} is not true or false",
                                "write dayfirst = true or dayfirst = false (no quotes)")
            values["dayfirst"] = data["dayfirst"]
        if values.get("number_grouping", ",") not in GROUPINGS:
            raise self.fail("number_grouping", f"{values['number_grouping']!r} is not allowed",
                            'use one of "," "." " " "\'" or "" (no grouping)')
        if "sendmail_command" in data:
            values["sendmail_command"] = self.command(data["sendmail_command"])
        return Config(path=self.path, **values)

    def command(self, value: Any) -> list[str]:
        fix = 'write the program and its arguments, e.g. sendmail_command = "msmtp -t"'
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return list(value)
        if not isinstance(value, str):
            raise self.fail("sendmail_command", f"{value!r} is not a command", fix)
        import shlex

        try:
            words = shlex.split(value)
        except ValueError as exc:
            raise self.fail("sendmail_command", f"cannot split it ({exc})", fix) from None
        if not words:
            raise self.fail("sendmail_command", "is empty", fix + ", or remove the line")
        return words
