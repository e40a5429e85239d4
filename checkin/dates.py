"""Stable name for outside scripts: ``from checkin.dates import parse_due, DueDateError``.

The rule lives in :mod:`checkin.core.dates`; this module only re-exports it.
"""

from checkin.core.dates import DueDateError, describe, next_meeting_date, parse_due

__all__ = ["DueDateError", "describe", "next_meeting_date", "parse_due"]
