"""The one source of "now", fixed by ``$CHECKIN_NOW`` (ISO datetime) for tests and demos."""

from __future__ import annotations

import os
from datetime import date, datetime

ENV_VAR = "CHECKIN_NOW"


def now() -> datetime:
    """The current local time, or the fixed one from ``$CHECKIN_NOW``."""
    fixed = os.environ.get(ENV_VAR)
    if fixed:
        return datetime.fromisoformat(fixed)
    return datetime.now().replace(microsecond=0)


def today() -> date:
    return now().date()
