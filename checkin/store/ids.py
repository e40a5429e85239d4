"""Action item ids: short to type, never colliding across clones of a git-shared data dir.

- A data dir that is not a git working tree numbers items ``A1``, ``A2``... (as before).
- In a git working tree (``DATA/.git`` exists) each clone numbers its own items under a
  two-letter tag of its own: ``KQ1``, ``KQ2``... Two clones never hand out the same id
  because they never share a tag. The tag is chosen at random from 400 (20 consonants,
  no ``A``, so never confused with the ``A`` series) among those not yet used in the
  register, and kept in the clone's own, untracked ``DATA/.clone`` (with the folder and
  host it belongs to, so a copied folder picks a new tag). Only two clones made before
  either one synced can draw the same tag (1 in 400); the next one to sync sees it in
  the register and the merge tool can report it.
- The next number of each series is a register document (``_ids``/<prefix>), so a
  series never restarts after its items moved to the archive.
"""

from __future__ import annotations

import json
import os
import random
import re
import socket
from pathlib import Path

from checkin.store.atomic import atomic_write

LEGACY = "A"
LETTERS = "BCDFGHJKMNPQRSTVWXYZ"
CLONE_FILE = ".clone"


def prefix_for(root: Path, used: set[str]) -> str:
    """The id prefix new items of this data dir get (see the module docstring)."""
    git = root / ".git"
    if not git.exists():
        return LEGACY
    here = {"path": str(root.resolve()), "host": socket.gethostname()}
    try:
        info = json.loads((root / CLONE_FILE).read_text())
        if {k: info.get(k) for k in here} == here and _valid(info.get("tag")):
            return str(info["tag"])
    except (OSError, ValueError, AttributeError):
        pass
    free = [a + b for a in LETTERS for b in LETTERS if a + b not in used]
    tag = random.SystemRandom().choice(free)
    atomic_write(root / CLONE_FILE, json.dumps({"tag": tag, **here}).encode())
    _exclude_from_git(git)
    return tag


def _valid(tag: object) -> bool:
    return isinstance(tag, str) and len(tag) == 2 and all(c in LETTERS for c in tag)


def _exclude_from_git(git: Path) -> None:
    """Keep ``.clone`` out of commits: it names this clone only."""
    exclude = git / "info" / "exclude"
    if not git.is_dir():
        return
    try:
        text = exclude.read_text() if exclude.exists() else ""
        if CLONE_FILE not in text.split():
            os.makedirs(exclude.parent, exist_ok=True)
            with exclude.open("a") as f:
                f.write(f"{'' if text.endswith(chr(10)) or not text else chr(10)}/{CLONE_FILE}\n")
    except OSError:  # pragma: no cover - a read-only .git: the tag still works
        pass


def split_id(action_id: str) -> tuple[str, int] | None:
    """``KQ12`` -> (``KQ``, 12); None for anything else."""
    head = action_id.rstrip("0123456789")
    tail = action_id[len(head):]
    if not head or not tail or not head.isalpha():
        return None
    return head, int(tail)


def numbers_in(prefix: str, raw: bytes) -> list[int]:
    """The numbers of ``prefix`` ids of the action rows in a data file's bytes."""
    pattern = rb'^\["actions","' + re.escape(prefix.encode()) + rb'(\d+)",'
    return [int(m) for m in re.findall(pattern, raw, re.M)]
