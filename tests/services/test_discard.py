"""Discarding a meeting started by mistake: everything it did is undone, on the real store."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from checkin.core.model import Agenda
from checkin.core.review import keep_open
from checkin.errors import CheckinError
from checkin.services.meetings import discard_meeting, new_action, start_meeting
from checkin.store import Store
from checkin.store.store import MEETINGS
from tests.conftest import NOW, TODAY


def test_discard_undoes_everything_the_meeting_did(demo_dir: Path,
                                                   weekly_agenda: Agenda) -> None:
    with Store(demo_dir) as store:
        before_actions = {a.id: a for a in store.actions()}
        before_meetings = [s.id for s in store.meetings()]
        meeting = start_meeting(store, weekly_agenda, now=NOW)
        carried = [store.action(i) for i in meeting.carried_action_ids]
        assert len(carried) >= 3
        done, redated, kept = carried[:3]
        done.mark_done(TODAY, meeting.id)
        redated.redate(redated.due + timedelta(days=7), TODAY, meeting.id)
        redated.reassign("Somebody Else", TODAY, meeting.id)
        keep_open(kept, TODAY, meeting.id)
        for item in (done, redated, kept):
            store.save_action(item)
        new = new_action(store, title="new thing", owner="Dana Lee", due=date(2026, 12, 4),
                         today=TODAY, meeting=meeting)
        result = discard_meeting(store, meeting.id)
        assert result.removed_items == [new.id]
        assert sorted(result.reverted_items) == sorted(i.id for i in (done, redated, kept))
    with Store(demo_dir) as store:  # as stored on disk
        assert [s.id for s in store.meetings()] == before_meetings
        assert not store.meeting_path(meeting.id).exists()
        assert {a.id: a for a in store.actions()} == before_actions


def test_only_the_latest_meeting_of_an_agenda_can_be_discarded(demo_dir: Path) -> None:
    with Store(demo_dir) as store:
        older = store.meetings()[1].id
        with pytest.raises(CheckinError, match="only an agenda's latest meeting"):
            discard_meeting(store, older)
        assert store.meeting_path(older).exists()


def test_a_new_meeting_after_a_discard_gets_a_clean_index(demo_dir: Path,
                                                          weekly_agenda: Agenda) -> None:
    """Index rows are keyed by their own id: removing one does not shift the others."""
    with Store(demo_dir) as store:
        first = start_meeting(store, weekly_agenda, now=NOW)
        discard_meeting(store, store.meetings()[0].id)
        assert first.id not in [s.id for s in store.meetings()]
        again = start_meeting(store, weekly_agenda, now=NOW + timedelta(days=1))
        ids = [s.id for s in store.meetings()]
    with Store(demo_dir, readonly=True) as store:
        assert [s.id for s in store.meetings()] == ids and again.id in ids


def test_a_crash_between_index_and_file_reindexes_the_meeting(demo_dir: Path,
                                                             weekly_agenda: Agenda) -> None:
    with Store(demo_dir) as store:
        meeting = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 23, 10))
        store.index.delete(MEETINGS, meeting.id)  # as a crash after this step leaves it
        store.index.save()
    with Store(demo_dir) as store:  # the file is still there: indexed again, discardable
        assert store.in_progress() is not None
        discard_meeting(store, meeting.id)
        assert store.in_progress() is None
