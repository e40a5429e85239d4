"""Exporting minutes: the Markdown as a standalone HTML page, and writing files atomically.

Pure functions the CLI and the minutes screen share (no Textual); markdown-it-py is
imported only when HTML is asked for.
"""

from __future__ import annotations

from pathlib import Path

from checkin.errors import CheckinError
from checkin.store.atomic import atomic_write


def write_file(text: str, path: Path) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically.

    A reader sees the old file or the new one, never half of one. A new file is
    owner-only (0600: minutes can be confidential); an existing one keeps its mode.
    Failures are a one-line CheckinError naming the path.
    """
    atomic_write(Path(path), text.encode("utf-8"), keep_mode=True)


def make_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents (a CheckinError naming it on failure)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CheckinError(
            f"{folder}: cannot create the folder ({exc.strerror or exc}); choose another "
            "place or fix the permissions of the folder above it") from exc
