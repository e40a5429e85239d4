"""`checkin completion bash|zsh`: generated from the real parser, with dynamic names."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checkin.commands import COMMANDS, HIDDEN

REPO = Path(__file__).resolve().parents[2]
BIN = str(Path(sys.executable).parent)  # the venv's `checkin` script, as a user has it


def env() -> dict[str, str]:
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}


def checkin(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True,
                          text=True, cwd=REPO, env=env(), timeout=60)


def complete_bash(words: list[str]) -> list[str]:
    """What bash offers for the last (partial) word of ``words``."""
    line = " ".join(words)
    array = " ".join(f"'{w}'" for w in words)
    script = (f'source <(checkin completion bash)\nCOMP_WORDS=({array})\n'
              f'COMP_CWORD={len(words) - 1}\nCOMP_LINE="{line}"\nCOMP_POINT=${{#COMP_LINE}}\n'
              '_shtab_checkin\nprintf "%s\\n" "${COMPREPLY[@]}"\n')
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env(),
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [w for w in proc.stdout.splitlines() if w]


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is not installed")
def test_bash_completes_commands_options_agendas_and_meeting_ids(demo_dir: Path) -> None:
    listed = set(complete_bash(["checkin", ""]))
    assert listed >= set(COMMANDS) - HIDDEN and not listed & HIDDEN
    assert complete_bash(["checkin", "export", "--fo"]) == ["--format"]
    assert complete_bash(["checkin", "export", "x", "--format", ""]) == ["md", "html", "eml"]
    assert complete_bash(["checkin", "run", "we"]) == ["weekly"]
    assert "sales-marketing-sla" in complete_bash(["checkin", "trends", ""])
    with_data = complete_bash(["checkin", "--data", str(demo_dir), "export", ""])
    listed = checkin("--data", str(demo_dir), "meetings").stdout.splitlines()[1:]
    assert with_data == [row.split()[0] for row in listed] + ["last"]


def test_zsh_script_from_the_real_parser() -> None:
    proc = checkin("completion", "zsh")
    assert proc.returncode == 0 and proc.stdout.startswith("#compdef checkin")
    shown = set(COMMANDS) - HIDDEN
    for name in (*shown, "_checkin_agendas", "_checkin_meetings", "--facilitator"):
        assert name in proc.stdout
    if shutil.which("zsh"):
        assert subprocess.run(["zsh", "-n"], input=proc.stdout, text=True).returncode == 0


def test_hidden_list_is_quiet_on_problems(tmp_path: Path) -> None:
    proc = checkin("--data", str(tmp_path / "missing"), "completion", "--list", "meetings")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "register.json").write_text("{not json")
    proc = checkin("--data", str(tmp_path / "bad"), "completion", "--list", "meetings")
    assert (proc.returncode, proc.stdout) == (0, "")
    assert "--list" not in checkin("completion", "--help").stdout
    proc = checkin("completion")
    assert proc.returncode == 2 and "bash or zsh" in proc.stderr


def zsh_completes(line: str, tmp_path: Path) -> str:
    """The command line after typing ``line`` and Tab in a real interactive zsh (tmux),
    with the script installed as the README says."""
    session = f"checkin-zsh-{os.getpid()}"
    path = BIN + os.pathsep + os.environ.get("PATH", "")
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "10",
                    f"env -i HOME={tmp_path} TERM=xterm PATH={path} zsh -f"], check=True)
    try:
        def screen() -> str:
            return subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                  capture_output=True, text=True).stdout

        def wait_for(text: str) -> str:
            for _ in range(150):
                if text in (shown := screen()):
                    return shown
                time.sleep(0.1)
            raise AssertionError(f"zsh never showed {text!r}:\n{screen()}")

        subprocess.run(["tmux", "send-keys", "-t", session, "-l",
                        'autoload -U compinit && compinit -u && '
                        'eval "$(checkin completion zsh)" && echo READY'], check=True)
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        wait_for("\nREADY")
        subprocess.run(["tmux", "send-keys", "-t", session, "-l", line], check=True)
        subprocess.run(["tmux", "send-keys", "-t", session, "Tab"], check=True)
        time.sleep(2.5)  # the script runs `checkin completion --list` for dynamic names
        last = [row for row in screen().splitlines() if row.strip()][-1]
        return last.split("# ", 1)[-1].rstrip()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


@pytest.mark.skipif(not (shutil.which("zsh") and shutil.which("tmux")),
                    reason="needs zsh and tmux")
def test_zsh_completes_in_a_real_shell(demo_dir: Path, tmp_path: Path) -> None:
    assert zsh_completes("checkin run we", tmp_path) == "checkin run weekly"
    assert zsh_completes("checkin export --fo", tmp_path) == "checkin export --format"
    newest = checkin("--data", str(demo_dir), "meetings").stdout.splitlines()[1].split()[0]
    typed = f"checkin --data {demo_dir} export {newest[:-3]}"
    assert zsh_completes(typed, tmp_path) == f"checkin --data {demo_dir} export {newest}"
