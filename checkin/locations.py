"""Where checkin keeps its data: one place, overridable for tests.

Order: the ``--data`` option, else ``$CHECKIN_DATA``, else the platform's user data dir.
Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "CHECKIN_DATA"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory to use (not created)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("checkin", appauthor=False))


def bundled_agendas_dir() -> Path:
    """The agenda templates shipped with checkin (wheel or source checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "agendas"
    if installed.is_dir():
        return installed
    return here.parent / "agendas"


def user_agendas_dir(data: Path) -> Path:
    """Agendas the user added, inside the data dir."""
    return data / "agendas"


CONFIG_ENV_VAR = "CHECKIN_CONFIG"


def config_path() -> Path:
    """The config file: ``$CHECKIN_CONFIG``, else ``config.toml`` in the user config dir.

    Never inside the data dir: that may be a git repo shared with others.
    """
    env = os.environ.get(CONFIG_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return user_config_dir() / "config.toml"


def user_config_dir() -> Path:
    """platformdirs' user config dir of checkin. Every command reads the config, and
    importing platformdirs costs ~4 ms: on Linux (not Android, an absolute $HOME) its XDG
    rule is two lines; anywhere else platformdirs answers."""
    home = os.environ.get("HOME", "")
    if (sys.platform == "linux" and os.path.isabs(home)
            and not ("ANDROID_DATA" in os.environ or "ANDROID_ROOT" in os.environ)):
        base = os.environ.get("XDG_CONFIG_HOME", "")
        return Path(base if os.path.isabs(base) else os.path.join(home, ".config"), "checkin")
    from platformdirs import user_config_dir

    return Path(user_config_dir("checkin", appauthor=False))


def hooks_dir() -> Path:
    """Hook executables: ``hooks/`` beside the config file (never in the data dir, so a
    file pushed to a shared data repo cannot run on a teammate's machine)."""
    return config_path().parent / "hooks"
