"""`checkin sync`: the data dir as a git working tree shared through a remote.

Commit local changes with a message saying what changed, pull (fetch + merge of
``origin/<branch>``), push to ``origin``. Git merges checkin's files with our merge driver
(`merge_file`, registered in ``.gitattributes`` and the clone's git config), which merges
three versions document by document id; what it cannot decide stops the sync with one line
naming it, and the tree is left as ``git status`` explains.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

from checkin.core.merge import describe, merge
from checkin.errors import CheckinError
from checkin.store import gitformat
from checkin.store.lock import LOCK_NAME, DirLock
from checkin.store.schema import INDEX_TABLE

DRIVER = "checkin"
IGNORED = (LOCK_NAME, ".clone", ".*.tmp", "backup-v*/")  # machine-local, never shared
ATTRIBUTES = f"*.json merge={DRIVER}\n"
CONFLICT = "checkin-conflict: "
MESSAGE_ITEMS = 8  # changes named one by one in a commit message; more are counted


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise CheckinError("git is not installed; install git, then run `checkin sync` "
                           "again") from None
    if check and proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise CheckinError(f"git {args[0]} failed ({detail[-1] if detail else 'no output'})"
                           f"; see `git -C {root} status`")
    return proc


def set_up(root: Path) -> None:
    """Ignore machine-local files; register the merge driver (in this clone's config)."""
    ignore = root / ".gitignore"
    have = ignore.read_text().splitlines() if ignore.exists() else []
    missing = [p for p in IGNORED if p not in have]
    if missing:
        ignore.write_text("\n".join([*have, *missing]) + "\n")
    attributes = root / ".gitattributes"
    if ATTRIBUTES.strip() not in (attributes.read_text() if attributes.exists() else ""):
        with attributes.open("a") as f:
            f.write(ATTRIBUTES)
    command = f"{shlex.quote(sys.executable)} -m checkin merge-driver %O %A %B %P"
    git(root, "config", f"merge.{DRIVER}.name", "checkin documents merged by id")
    git(root, "config", f"merge.{DRIVER}.driver", command)


def merge_file(base: Path, ours: Path, theirs: Path, name: str) -> list[str]:
    """Merge three versions into ``ours``; the conflicts, one line each (none: clean)."""
    try:
        b, o, t = (gitformat.load(p.read_bytes()) for p in (base, ours, theirs))
    except ValueError as exc:
        return [f"{name}: cannot be merged ({exc}); pick one side with `git checkout "
                f"--ours {name}` or --theirs, then `git add {name}`"]
    result = merge(b, o, t)
    if _index_left_behind(result.tables):
        # A register from before the index had its own file (schema 2), merged with one
        # after: the meeting index lives in index.json now, rebuilt there from the
        # meeting files by the next writer; what the register held of it is dropped.
        del result.tables[INDEX_TABLE]
        result.conflicts = [c for c in result.conflicts if c.table != INDEX_TABLE]
    ours.write_bytes(gitformat.dump(result.tables))
    return [describe(c, name) for c in result.conflicts]


def _index_left_behind(tables: dict) -> bool:
    """A merged schema-3 (or later) register still holding schema 2's meeting index."""
    meta = tables.get("_meta", {}).get("schema", {})
    return (meta.get("kind") == "register" and isinstance(meta.get("schema"), int)
            and meta["schema"] >= 3 and INDEX_TABLE in tables)


def _changes(root: Path) -> list[str]:
    """What the staged changes are, in words: items added/closed/changed, meetings."""
    names = git(root, "diff", "--cached", "--name-status").stdout.splitlines()
    words: list[str] = []
    items = False
    for line in names:
        status, _, path = line.partition("\t")
        if path == "register.json" or path.startswith("archive/"):
            items = True
        elif path == "index.json":
            continue  # the meeting index follows the meeting files, which say what changed
        elif path.startswith("meetings/") and path.endswith(".json"):
            words.append(f"meeting {Path(path).stem} {'added' if status == 'A' else 'saved'}")
        elif path not in (".gitignore", ".gitattributes"):
            words.append(f"{path} {'added' if status == 'A' else 'changed'}")
    paths = [ln.partition("\t")[2] for ln in names]
    return (_item_changes(root, paths) if items else []) + words


def _summary(words: list[str]) -> str:
    """The commit message: each change if a few, else counts (``12 items added; ...``)."""
    if not words:
        return "merge"
    if len(words) <= MESSAGE_ITEMS:
        return "; ".join(words)
    counts = Counter(("meeting" if w.startswith("meeting ") else "item", w.rsplit(" ", 1)[1])
                     for w in words)
    return "; ".join(f"{n} {what}{'s' * (n != 1)} {how}" for (what, how), n in counts.items())


def _items_at(root: Path, rev: str, paths: list[str]) -> dict[str, dict]:
    """Action items (open and archived) in ``paths`` as of ``rev`` ("" = the index)."""
    found: dict[str, dict] = {}
    for path in paths:
        if path != "register.json" and not path.startswith("archive/"):
            continue
        raw = git(root, "show", f"{rev}:{path}", check=False).stdout.encode()
        try:
            found.update(gitformat.load(raw).get("actions", {}))
        except ValueError:
            continue
    return found


def _item_changes(root: Path, paths: list[str]) -> list[str]:
    before, after = _items_at(root, "HEAD", paths), _items_at(root, "", paths)
    words = []
    for key, doc in after.items():
        prev = before.get(key)
        if prev is None and doc.get("status") == "open":
            words.append(f"{key} added")
        elif prev is None or prev.get("status") != doc.get("status"):
            words.append(f"{key} {doc.get('status')}")
        elif prev != doc:
            words.append(f"{key} edited")
    return words


def sync(root: Path) -> list[str]:
    """Commit, pull, push; lines saying what happened. Raises CheckinError on a conflict."""
    if git(root, "rev-parse", "--is-inside-work-tree", check=False).returncode != 0:
        raise CheckinError(f"{root}: not a git working tree; to share it, run `git init` "
                           "there and add a remote, or clone the team's repo as your data "
                           "dir (see the README)")
    lock = DirLock(root)
    lock.acquire()
    try:
        return _sync(root)
    finally:
        lock.release()


def _sync(root: Path) -> list[str]:
    if (root / ".git" / "MERGE_HEAD").exists() or git(
            root, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).returncode == 0:
        unmerged = git(root, "diff", "--name-only", "--diff-filter=U").stdout.split()
        if unmerged:
            raise CheckinError(f"a merge is waiting on {', '.join(unmerged)}; fix it, `git "
                               "add` it, then run `checkin sync` again (`git status` shows it)")
    set_up(root)
    report = []
    git(root, "add", "-A")
    if git(root, "diff", "--cached", "--quiet", check=False).returncode != 0 or \
            git(root, "rev-parse", "-q", "--verify", "MERGE_HEAD", check=False).returncode == 0:
        message = "checkin: " + _summary(_changes(root))
        git(root, *_identity(root), "commit", "-q", "-m", message)
        report.append(f"committed: {message}")
    branch = git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
    if git(root, "remote", "get-url", "origin", check=False).returncode != 0:
        report.append("no remote `origin`: committed locally only (git remote add origin URL)")
        return report
    git(root, "fetch", "-q", "origin")
    remote = f"origin/{branch}"
    if git(root, "rev-parse", "-q", "--verify", remote, check=False).returncode == 0:
        merged = git(root, "merge", "--no-edit", remote, check=False)
        if merged.returncode != 0:
            lines = [ln[len(CONFLICT):] for ln in (merged.stdout + merged.stderr).splitlines()
                     if ln.startswith(CONFLICT)]
            lines.sort(key=lambda ln: not ln.startswith("both clones"))  # the cause first
            raise CheckinError(lines[0] if lines else
                               f"merging {remote} stopped; `git status` shows what to fix, "
                               "then run `checkin sync` again")
        if "Already up to date" not in merged.stdout:
            report.append(f"pulled from {remote}")
    upstream = git(root, "rev-parse", "--abbrev-ref", "@{u}", check=False).returncode == 0
    git(root, "push", "-q", *([] if upstream else ["-u"]), "origin", f"HEAD:{branch}")
    report.append(f"pushed to origin/{branch}")
    return report


def _identity(root: Path) -> list[str]:
    """A stand-in author when this machine has no git identity (commits still say what)."""
    if git(root, "config", "user.email", check=False).stdout.strip():
        return []
    return ["-c", "user.name=checkin", "-c", "user.email=checkin@localhost"]
