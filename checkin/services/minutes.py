"""Minutes of a stored meeting: gather what they need from the store, render, write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checkin.core.model import Meeting
from checkin.render.html import export_meeting
from checkin.services.files import write_file
from checkin.store import Store

TREND_MEETINGS = 6


def minutes_inputs(store: Store, meeting: Meeting) -> dict[str, Any]:
    """``actions`` and ``history`` keyword arguments for ``export_meeting``."""
    earlier = [s for s in store.meetings(meeting.agenda.id)
               if (s.date, s.id) < (meeting.date, meeting.id)][:TREND_MEETINGS]
    history = [store.load_meeting(s.id) for s in reversed(earlier)]
    related = set(meeting.carried_action_ids)
    actions = [a for a in store.actions()
               if a.created_in == meeting.id or a.id in related or a.closed_in == meeting.id
               or any(c.meeting == meeting.id for c in a.history)]
    return {"actions": actions, "history": history}


def minutes_text(store: Store, meeting: Meeting, fmt: str = "md") -> str:
    """The meeting's minutes as Markdown (``md``) or a standalone HTML page (``html``),
    opening with "since last meeting" when there is an earlier meeting."""
    return export_meeting(meeting, fmt=fmt, **minutes_inputs(store, meeting))


def export_minutes(store: Store, meeting: Meeting, path: Path, fmt: str = "md") -> None:
    """Write the minutes to ``path`` atomically (CheckinError naming it on failure)."""
    write_file(minutes_text(store, meeting, fmt), path, data_dir=store.root)
