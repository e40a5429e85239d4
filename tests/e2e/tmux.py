"""A real terminal for end-to-end tests: the installed `checkin` run inside tmux.

Keys go in with ``tmux send-keys`` and the screen comes back with ``capture-pane``: what a
person at the keyboard sees, at an exact size, with no Pilot in between.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

TMUX = shutil.which("tmux")
PROBLEMS = ("Traceback", "RuntimeWarning", "Error:", "Exception")


class Terminal:
    """One tmux session running one command; ``screen()`` is what it shows now."""

    def __init__(self, width: int, height: int, log: Path) -> None:
        self.name = f"checkin-e2e-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height
        self.log = log  # every screen seen, for the failure message and for reading

    def run(self, *args: str, env: dict[str, str]) -> None:
        """Start ``python -m checkin ARGS``; the pane stays after it exits (for tracebacks)."""
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # A tmux server started from pytest gives its panes COLUMNS=80 and LINES=24, and
        # Textual takes those over the pane's real size: the 120x40 runs were drawn 80x24.
        command = (f"env -u COLUMNS -u LINES {exports} {shlex.quote(sys.executable)} -m checkin "
                   f"{' '.join(shlex.quote(a) for a in args)}; echo CHECKIN-EXITED $?; "
                   "sleep 600")
        subprocess.run([TMUX, "new-session", "-d", "-s", self.name, "-x", str(self.width),
                        "-y", str(self.height), command], check=True)
        subprocess.run([TMUX, "resize-window", "-t", self.name, "-x", str(self.width),
                        "-y", str(self.height)], check=True)

    def keys(self, *keys: str, pause: float = 0.15) -> None:
        """Named keys (``Enter``, ``PageDown``, ``C-t``), one after another."""
        for key in keys:
            subprocess.run([TMUX, "send-keys", "-t", self.name, key], check=True)
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.3) -> None:
        """Text typed literally."""
        subprocess.run([TMUX, "send-keys", "-t", self.name, "-l", text], check=True)
        time.sleep(pause)

    def screen(self) -> str:
        out = subprocess.run([TMUX, "capture-pane", "-p", "-t", self.name, "-S", "-200"],
                             capture_output=True, text=True, check=True).stdout
        with self.log.open("a") as f:
            f.write(f"\n===== {self.width}x{self.height}\n{out}")
        return out

    def wait_for(self, *needles: str, timeout: float = 15.0) -> str:
        """The screen once it shows every needle; fails on a traceback or at the timeout."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            bad = [p for p in PROBLEMS if p in shown]
            assert not bad, f"{bad} on screen:\n{shown}"
            if all(n in shown for n in needles):
                time.sleep(0.3)  # let the new widget take the focus before the next keys
                return shown
            if time.monotonic() > deadline:
                missing = [n for n in needles if n not in shown]
                raise AssertionError(f"never showed {missing}:\n{shown}")
            time.sleep(0.25)

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True)


def checkin_env(data: Path, now: str) -> dict[str, str]:
    env = {"CHECKIN_DATA": str(data), "CHECKIN_NOW": now, "TERM": "xterm-256color",
           "COLORTERM": "", "PYTHONWARNINGS": "default"}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env
