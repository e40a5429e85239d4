"""Minutes of a stored meeting: gather what they need from the store, render, write."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from checkin.core.model import Meeting
from checkin.core.rules import earlier_meetings
from checkin.render.html import export_meeting
from checkin.services.files import write_file
from checkin.store import Store
from checkin.store.lines import id_key

TREND_MEETINGS = 6


class Listed(Protocol):
    """A row of the meeting index: ``MeetingSummary`` or ``core.stored.StoredSummary``."""

    id: str
    date: date


def minutes_inputs(store: Store, meeting: Meeting,
                   earlier: Sequence[Listed] | None = None) -> dict[str, Any]:
    """``actions`` and ``history`` keyword arguments for ``export_meeting``.

    ``earlier``: the agenda's ``TREND_MEETINGS`` meetings before this one, as
    ``store.meetings`` lists them, when the caller has them (``checkin export`` reads them
    from the register's bytes, so the meeting index is never parsed whole).
    """
    if earlier is None:
        earlier = store.meetings(meeting.agenda.id, limit=TREND_MEETINGS,
                                 before=(meeting.date, meeting.id))
    earlier = earlier_meetings(earlier, meeting.date, meeting.id)  # type: ignore[arg-type]
    history = [store.load_meeting(s.id) for s in reversed(earlier)]
    related = set(meeting.carried_action_ids)
    # items it touched are open, or were closed in its year or later: no older archive
    years = [y for y in store.archive_years() if y >= meeting.date.year]

    def touched(doc: dict[str, Any]) -> bool:  # on the stored document: no conversion
        return (meeting.id in (doc.get("created_in"), doc.get("closed_in"))
                or doc.get("id") in related
                or any(isinstance(c, dict) and c.get("meeting") == meeting.id
                       for c in doc.get("history") or ()))

    pool = {a.id: a for a in store.register_actions(touched)}
    pool.update((a.id, a) for a in store.closed_actions(years, touched))
    actions = [a for a in sorted(pool.values(), key=lambda a: id_key(a.id))
               if a.created_in == meeting.id or a.id in related or a.closed_in == meeting.id
               or any(c.meeting == meeting.id for c in a.history)]
    return {"actions": actions, "history": history}


def minutes_text(store: Store, meeting: Meeting, fmt: str = "md",
                 earlier: Sequence[Listed] | None = None) -> str:
    """The meeting's minutes as Markdown (``md``) or a standalone HTML page (``html``),
    opening with "since last meeting" when there is an earlier meeting."""
    return export_meeting(meeting, fmt=fmt, **minutes_inputs(store, meeting, earlier))


def export_minutes(store: Store, meeting: Meeting, path: Path, fmt: str = "md") -> None:
    """Write the minutes to ``path`` atomically (CheckinError naming it on failure)."""
    write_file(minutes_text(store, meeting, fmt), path, data_dir=store.root)
