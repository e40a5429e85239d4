"""Hooks, the taskwarrior way: executables in ``hooks/`` beside the config file.

An executable named after an event runs when it happens:

- ``meeting-ended``: arguments: the path of a Markdown file of the minutes (removed when
  the hook exits) and the meeting id;
- ``action-added``, ``action-closed``: the action item as JSON on stdin.

Hooks live in the user's config dir, never in the data dir (which may be a git repo
shared with others: a pushed file must not run on a teammate's machine). A hook that is
missing does nothing; one that fails, cannot start or hangs (stopped after
``HOOK_TIMEOUT`` seconds, with anything it started) gives a one-line report and never
touches the data, which is saved before any hook runs. :class:`HookRunner` runs them off
the caller's thread, so the meeting never waits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from checkin import locations
from checkin.core.data import to_data
from checkin.core.model import ActionItem

EVENTS = ("meeting-ended", "action-added", "action-closed")
HOOK_TIMEOUT = 10.0  # seconds


@dataclass(frozen=True)
class HookResult:
    event: str
    ok: bool
    message: str  # one line: what happened (empty when it went fine)


def hook_path(event: str) -> Path:
    if event not in EVENTS:
        raise ValueError(f"unknown hook event {event!r}: use one of {', '.join(EVENTS)}")
    return locations.hooks_dir() / event


def item_json(item: ActionItem) -> bytes:
    """What ``action-added``/``action-closed`` get on stdin (keys sorted, one line)."""
    return orjson.dumps(to_data(item), option=orjson.OPT_SORT_KEYS) + b"\n"


def _clean(text: str) -> str:
    return "".join(c for c in text if c.isprintable())[:200]


def run_hook(event: str, args: Sequence[str] = (), stdin: bytes = b"", *,
             timeout: float = HOOK_TIMEOUT) -> HookResult | None:
    """Run the hook for ``event`` and wait (up to ``timeout``); None when there is none."""
    path = hook_path(event)
    if not path.exists():
        return None
    if not path.is_file() or not os.access(path, os.X_OK):
        return HookResult(event, False, f"hook {path}: not an executable file; "
                          f"make it one (chmod +x {path}) or remove it")
    try:
        proc = subprocess.Popen([str(path), *args], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                cwd=path.parent, start_new_session=True)
    except OSError as exc:
        return HookResult(event, False, f"hook {path}: cannot start ({exc.strerror}); "
                          "check its #! line and permissions")
    try:
        _, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(proc)
        return HookResult(event, False, f"hook {event}: stopped after {timeout:g} s "
                          "(it hung); your data is saved, make the hook finish sooner")
    if proc.returncode != 0:
        said = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return HookResult(event, False, f"hook {event}: failed with exit status "
                          f"{proc.returncode} ({_clean(said[0])}); your data is saved")
    return HookResult(event, True, "")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Kill the hook and everything it started (its own process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        proc.kill()
    proc.communicate()


def run_meeting_ended(meeting_id: str, minutes: str, *,
                      timeout: float = HOOK_TIMEOUT) -> HookResult | None:
    """Write the minutes to a private temp file, run ``meeting-ended``, remove the file."""
    if not hook_path("meeting-ended").exists():
        return None
    from checkin.services.files import write_file

    with tempfile.TemporaryDirectory(prefix="checkin-hook-") as folder:
        path = Path(folder) / f"{meeting_id}.md"
        write_file(minutes, path)
        return run_hook("meeting-ended", [str(path), meeting_id], timeout=timeout)


Report = Callable[[HookResult], None]


class HookRunner:
    """Runs hooks on a background thread, one at a time, in the order fired; ``report``
    is called (from that thread) with every failure."""

    def __init__(self, report: Report, *, timeout: float = HOOK_TIMEOUT) -> None:
        self.report, self.timeout = report, timeout
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._closes_seen: set[tuple[str, int]] = set()

    def action_added(self, item: ActionItem) -> None:
        data = item_json(item)  # as it is now, not as it may be when the thread runs
        self._start("action-added", lambda: run_hook("action-added", stdin=data,
                                                     timeout=self.timeout))

    def action_saved(self, item: ActionItem) -> None:
        """Fire ``action-closed`` if this save closed the item (its last change is a
        done or drop not fired before); any other save fires nothing."""
        last = item.history[-1] if item.history else None
        key = (item.id, len(item.history))
        if (last is None or last.kind not in ("done", "drop")
                or item.status not in ("done", "dropped") or key in self._closes_seen):
            return
        self._closes_seen.add(key)
        data = item_json(item)
        self._start("action-closed", lambda: run_hook("action-closed", stdin=data,
                                                      timeout=self.timeout))

    def meeting_ended(self, meeting_id: str, minutes: Callable[[], str]) -> None:
        """``minutes`` is called here (on the caller's thread, which owns the store) only
        when a ``meeting-ended`` hook exists."""
        if hook_path("meeting-ended").exists():
            text = minutes()
            self._start("meeting-ended",
                        lambda: run_meeting_ended(meeting_id, text, timeout=self.timeout))

    def _start(self, event: str, job: Callable[[], HookResult | None]) -> None:
        if not hook_path(event).exists():  # one stat: no hook, no thread
            return

        def work() -> None:
            with self._lock:  # one hook at a time, in order
                try:
                    result = job()
                except Exception as exc:  # noqa: BLE001 - a hook never breaks the meeting
                    result = HookResult(event, False, f"hook {event}: {_clean(str(exc))}")
            if result is not None and not result.ok:
                self.report(result)

        thread = threading.Thread(target=work, name=f"checkin-hook-{event}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the hooks fired so far (tests; exit)."""
        for thread in list(self._threads):
            thread.join(timeout)
