"""The config file: read first by every command; a bad key or value is one line, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checkin import locations
from checkin.config import Config, ConfigError, load_config

REPO = Path(__file__).resolve().parents[2]


def checkin(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True,
                          text=True, cwd=REPO, env=dict(os.environ), timeout=60)


def test_location_env_and_hooks_beside_it(isolated_config: Path, tmp_path: Path) -> None:
    assert locations.config_path() == isolated_config
    assert locations.hooks_dir() == isolated_config.parent / "hooks"
    os.environ.pop("CHECKIN_CONFIG")
    assert locations.config_path().name == "config.toml"
    assert "data" not in locations.config_path().parts[-2:]


def test_missing_file_is_empty_config(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config()


def test_every_key(isolated_config: Path) -> None:
    isolated_config.write_text(
        'facilitator = " Alex Morgan "\ndayfirst = true\ndefault_agenda = "sla"\n'
        'number_grouping = "."\nsendmail_command = "msmtp -t --account \'work mail\'"\n')
    config = load_config()
    assert (config.facilitator, config.dayfirst, config.default_agenda,
            config.number_grouping) == ("Alex Morgan", True, "sla", ".")
    assert config.sendmail_command == ["msmtp", "-t", "--account", "work mail"]


@pytest.mark.parametrize(("text", "needles"), [
    ('facilitator = "A"\ncolour = "red"\n', [":2: colour: unknown key", "known keys"]),
    ("dayfirs = true\n", [":1: dayfirs: unknown key", "did you mean dayfirst?"]),
    ('dayfirst = "yes"\n', [":1: dayfirst:", "dayfirst = true or dayfirst = false"]),
    ('\nnumber_grouping = "x"\n', [":2: number_grouping:", "use one of"]),
    ("facilitator = 3\n", [":1: facilitator: 3 is not text", "quotes"]),
    ('sendmail_command = ""\n', [":1: sendmail_command: is empty"]),
    ('sendmail_command = "a \'b"\n', [":1: sendmail_command: cannot split"]),
    ("facilitator = Alex\n", [":1: invalid TOML", 'facilitator = "Alex"']),
])
def test_bad_config_is_one_line_exit_2_for_every_command(
        isolated_config: Path, tmp_path: Path, text: str, needles: list[str]) -> None:
    isolated_config.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config()
    assert str(err.value).startswith(f"{isolated_config}:")
    for args in (["meetings"], ["agendas"], ["--data", str(tmp_path / "d"), "actions"]):
        proc = checkin(*args)
        assert proc.returncode == 2, proc
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"checkin: error: {isolated_config}:")
        assert all(n in lines[0] for n in needles), lines[0]
        assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "d").exists()  # nothing touched


def test_config_is_read_first(isolated_config: Path, demo_dir: Path) -> None:
    """The config's facilitator and dayfirst reach the command (seen through `cli`)."""
    from checkin.cli import apply_config, build_parser

    isolated_config.write_text('facilitator = "Alex"\ndayfirst = true\ndefault_agenda = "sla"\n')
    args = build_parser(["run"]).parse_args(["run"])
    apply_config(args)
    assert (args.facilitator, args.dayfirst, args.agenda) == ("Alex", True, "sla")
    args = build_parser(["run"]).parse_args(["run", "weekly", "--facilitator", "Pat"])
    apply_config(args)
    assert (args.facilitator, args.agenda) == ("Pat", "weekly")
    for argv in (["--no-dayfirst", "run"], ["run", "--no-dayfirst"]):  # the command line wins
        args = build_parser(argv).parse_args(argv)
        apply_config(args)
        assert args.dayfirst is False
    assert checkin("--data", str(demo_dir), "meetings").returncode == 0


@pytest.mark.parametrize(("grouping", "target"), [
    (" ", "≥ $250 000"), ("'", "≥ $250'000"), ("", "≥ $250000"), (",", "≥ $250,000")])
def test_number_grouping_reaches_every_number(isolated_config: Path, demo_dir: Path,
                                              grouping: str, target: str) -> None:
    isolated_config.write_text(f'number_grouping = "{grouping}"\n')
    minutes = checkin("--data", str(demo_dir), "export", "last")
    trends = checkin("--data", str(demo_dir), "trends", "weekly", "--format", "md")
    assert minutes.returncode == trends.returncode == 0, minutes.stderr + trends.stderr
    assert target in minutes.stdout and target in trends.stdout


@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "/somewhere/config"])
def test_user_config_dir_is_platformdirs_own(monkeypatch: pytest.MonkeyPatch, xdg: str | None,
                                             tmp_path: Path) -> None:
    """The config dir found without importing platformdirs is the one it gives."""
    from platformdirs import user_config_dir

    from checkin.locations import user_config_dir as ours

    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    assert Path(ours()) == Path(user_config_dir("checkin", appauthor=False))
