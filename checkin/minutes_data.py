"""Gather what the minutes of a meeting need from the store."""

from __future__ import annotations

from typing import Any

from checkin.minutes import since_last
from checkin.model import Meeting
from checkin.store import Store

TREND_MEETINGS = 6


def minutes_inputs(store: Store, meeting: Meeting) -> dict[str, Any]:
    """Keyword arguments for ``render_markdown``/``export_meeting`` of ``meeting``."""
    earlier = [s for s in store.meetings(meeting.agenda.id)
               if (s.date, s.id) < (meeting.date, meeting.id)][:TREND_MEETINGS]
    history = [store.load_meeting(s.id) for s in reversed(earlier)]
    related = set(meeting.carried_action_ids)
    actions = [a for a in store.actions()
               if a.created_in == meeting.id or a.id in related or a.closed_in == meeting.id
               or any(c.meeting == meeting.id for c in a.history)]
    previous = history[-1] if history else None
    return {"actions": actions, "history": history,
            "since": since_last(meeting, previous, actions)}
