"""Where checkin keeps its data: one place, overridable for tests.

Order: the ``--data`` option, else ``$CHECKIN_DATA``, else the platform's user data dir.
Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

ENV_VAR = "CHECKIN_DATA"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory to use (not created)."""
    from pathlib import Path

    return Path(data_dir_text(override))


def data_dir_text(override: str | os.PathLike[str] | None = None) -> str:
    """``data_dir`` as text (for `checkin actions`, which lists without pathlib)."""
    if override:
        return os.path.expanduser(os.fspath(override))
    env = os.environ.get(ENV_VAR)
    if env:
        return os.path.expanduser(env)
    from platformdirs import user_data_dir

    return user_data_dir("checkin", appauthor=False)


def bundled_agendas_dir() -> Path:
    """The agenda templates shipped with checkin (wheel or source checkout)."""
    from pathlib import Path

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
    from pathlib import Path

    return Path(config_path_text())


def config_path_text() -> str:
    """``config_path`` as text (every command reads it; pathlib costs ~4 ms to import)."""
    env = os.environ.get(CONFIG_ENV_VAR)
    if env:
        return os.path.expanduser(env)
    return os.path.join(user_config_dir(), "config.toml")


def user_config_dir() -> str:
    """platformdirs' user config dir of checkin. Every command reads the config, and
    importing platformdirs costs ~4 ms: on Linux (not Android, an absolute $HOME) its XDG
    rule is two lines; anywhere else platformdirs answers."""
    home = os.environ.get("HOME", "")
    if (sys.platform == "linux" and os.path.isabs(home)
            and not ("ANDROID_DATA" in os.environ or "ANDROID_ROOT" in os.environ)):
        base = os.environ.get("XDG_CONFIG_HOME", "")
        base = base if os.path.isabs(base) else os.path.join(home, ".config")
        return os.path.join(base, "checkin")
    from platformdirs import user_config_dir

    return user_config_dir("checkin", appauthor=False)


def hooks_dir() -> Path:
    """Hook executables: ``hooks/`` beside the config file (never in the data dir, so a
    file pushed to a shared data repo cannot run on a teammate's machine)."""
    return config_path().parent / "hooks"
