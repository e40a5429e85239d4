"""Metrics editor: typed values mark on/off track at once; bad numbers are refused inline."""

from __future__ import annotations

from pathlib import Path

from hosts import (
    burst,
    cells_drawn,
    editor_app,
    editor_of,
    head_at,
    hosted,
    name_drawn,
    reopen,
)
from textual.widgets import Input, Label

from checkin.core.model import Agenda
from checkin.core.rules import metric_roadblock
from checkin.render.numbers import sparkline
from checkin.tui.app import CheckinApp
from checkin.tui.sections.metric_cells import MetricsHead
from checkin.tui.sections.metrics import MetricRow
from checkin.tui.widgets.wrap_field import WrapField


def row(app: CheckinApp, name: str) -> MetricRow:
    return next(r for r in app.screen.query(MetricRow) if r.metric.name == name)


def text(widget_row: MetricRow, cls: str) -> str:
    if cls in ("prep", "mark", "trend"):  # drawn by one widget
        return widget_row.marks.text(cls)
    if cls == "target":  # drawn with the name: its column of each line
        app = widget_row.app
        start, end = head_at(app, "Target", widget_row), head_at(app, "Actual", widget_row)
        return " ".join(line[start:end].strip() for line in cells_drawn(widget_row)
                        if line[start:end].strip())
    return str(widget_row.query_one(f".{cls}", Label).render())


async def test_on_track_at_once_and_bad_number_refused(demo_dir: Path,
                                                       weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        mql = row(app, "Marketing-qualified leads")
        assert app.focused is mql.query_one(".value", Input)
        assert text(mql, "target") == "≥ 120 leads"  # never shortened
        await pilot.press("1", "3")
        await pilot.pause()
        assert text(mql, "mark") == "✗ off"
        await pilot.press("0")
        await pilot.pause()
        assert text(mql, "mark") == "✓ on" and "✓ on" in cells_drawn(mql)[0]
        app.session.flush()
        await pilot.press("x")
        await pilot.pause()
        assert mql.has_class("-error")
        assert '"130x" is not a number' in text(mql, "error")
        assert text(mql, "mark") == "✓ on"
        app.session.flush()
        assert app.session.meeting.reading("Marketing-qualified leads").value == 130
        await pilot.press("tab", *"webinar push")          # the comment
        await pilot.press("down")                          # next metric's comment
        assert app.focused is row(app, "Website trial sign-ups").query_one(".comment")
        summary = str(app.screen.query_one("#metrics-summary", Label).render())
        assert summary == "1 of 12 read · 0 off track"
    with reopen(demo_dir) as (_store, meeting):
        reading = meeting.reading("Marketing-qualified leads")
        assert reading.value == 130 and reading.comment == "webinar push"


async def test_formats_and_clearing(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        await pilot.press("down", "down", *"$1.2k")        # Pipeline added, ≥ $250,000
        await pilot.pause()
        assert text(row(app, "Pipeline added"), "mark") == "✗ off"
        await pilot.press("down", *"27%")                  # Win rate ≥ 25%
        await pilot.press("down", *"12", "ctrl+u")         # Renewals: typed, then cleared
        await pilot.pause()
        assert text(row(app, "Renewals closed"), "mark") == "·"
    with reopen(demo_dir) as (_store, meeting):
        assert meeting.reading("Pipeline added").value == 1200
        assert meeting.reading("Win rate").value == 27
        assert meeting.reading("Renewals closed").value is None


async def test_ctrl_r_sends_off_track_metric_to_roadblocks(demo_dir: Path,
                                                           weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        before = len(app.session.meeting.roadblocks)
        await pilot.press("ctrl+r")                        # no value: nothing to send
        await pilot.pause()
        assert len(app.session.meeting.roadblocks) == before
        for _ in range(7):
            await pilot.press("down")
        frt = row(app, "First response time")
        assert app.focused is frt.query_one(".value")
        await pilot.press(*"6 hours")
        await pilot.pause()
        assert text(frt, "target") == "≤ 4 hours" and text(frt, "mark") == "✗ off"
        await pilot.press("ctrl+r", "ctrl+r")              # the second is refused: a duplicate
        await pilot.pause()
        assert len(app.session.meeting.roadblocks) == before + 1
    with reopen(demo_dir) as (_store, meeting):
        rb = meeting.roadblocks[-1]
        assert rb.title == "Off track: First response time"  # as proposals name it
        assert rb.raised_by == "Customer Support" and rb.status == "open"
        drafted = metric_roadblock("First response time", meeting.agenda)  # as proposals do
        assert (rb.title, rb.owner, rb.blocking) == (drafted.title, "Sofia Martinez",
                                                     drafted.blocking)
        assert drafted.owner == "Sofia Martinez"


async def test_value_inputs_visible_at_80x24(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "metrics")
    async with hosted(app, size=(80, 24)) as pilot:
        screen = app.screen.region
        first = row(app, "Marketing-qualified leads")
        for cls in ("name-target", "marks", "comment"):
            assert screen.contains_region(first.query_one(f".{cls}").region)
        value = first.query_one(".value", Input)
        assert screen.contains_region(value.region) and value.region.width >= 8
        for _ in range(11):                                # the last metric scrolls into view
            await pilot.press("down")
        await pilot.pause()
        last = row(app, "P1 incidents").query_one(".value", Input)
        assert app.focused is last and screen.contains_region(last.region)
        assert last.region.width >= 8
        trend = first.marks.text("trend")
        assert trend == sparkline(first.history[-6:]) and len(trend) == 6


async def test_trend_and_header_at_the_meeting_screen_width(demo_dir: Path,
                                                            weekly_agenda: Agenda) -> None:
    """At 100 columns the meeting screen leaves 66: the sparkline must still show."""
    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        assert editor_of(app).size.width == 66
        first = row(app, "Marketing-qualified leads")
        marks = first.marks
        at, width = marks.column("trend")
        assert width == 9 and app.screen.region.contains_region(marks.region)
        drawn = "".join(s.text for s in marks.render_line(0))
        assert len(first.history) == 6                 # six seeded weeks
        assert drawn[at:].rstrip() == sparkline(first.history) == marks.text("trend")
        head = app.screen.query_one(MetricsHead)
        line = "".join(s.text for s in head.render_line(0))
        assert line.split() == ["Metric", "Target", "Actual", "Track", "Trend"]
        x = head.content_region.x
        assert x + line.index("Trend") == marks.region.x + at  # header above its column
        assert x + line.index("Track") == marks.region.x + marks.column("mark")[0]
        assert x + line.index("Actual") == first.value.region.x
        assert x + line.index("Target") == first.name_target.region.x + 1 + \
            first.name_target.name_width(first.name_target.content_region.width)
        comment = first.query_one(".comment").region   # a line of its own under the metric
        assert comment.y > marks.region.y and comment.width >= 50
        await pilot.pause()


async def test_long_names_and_comments_are_read_whole(demo_dir: Path,
                                                      weekly_agenda: Agenda) -> None:
    """The room reads a full-sentence comment and every metric name, at 80 and 100 columns;
    an empty comment line shows only on the row being typed in."""
    sentence = ("Two webinars moved into December, so the count dips this month and is back "
                "on plan by mid January")
    for size in ((100, 30), (80, 24)):
        app = editor_app(demo_dir, "metrics")
        async with hosted(app, size=size) as pilot:
            typed = sentence if size == (100, 30) else ""  # then resumed at 80x24
            await pilot.press("tab", *typed, "tab")
            await pilot.pause()
            first, second = (row(app, "Marketing-qualified leads"),
                             row(app, "Website trial sign-ups"))
            comment = first.query_one(".comment", WrapField)
            assert comment.display and comment.region.height >= 2     # wrapped, not cut
            assert comment.region.height == comment.wrapped_document.height  # every line
            assert app.screen.region.contains_region(comment.region)
            assert app.focused is second.query_one(".value")
            assert second.query_one(".comment", WrapField).display      # its row is typed in
            third = row(app, "Pipeline added")
            assert not third.query(".comment-line")    # empty, never focused: not even mounted
            # the name wraps onto a second line, never cut
            assert name_drawn(app, first) == "Marketing-qualified leads"
            drawn = cells_drawn(first)
            assert len(drawn) >= 2 or head_at(app, "Target", first) > 25
            await pilot.press("ctrl+q")
        with reopen(demo_dir) as (_store, meeting):
            assert meeting.reading("Marketing-qualified leads").comment == sentence


async def test_tab_goes_value_comment_next_value(demo_dir: Path,
                                                 weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        await pilot.press(*"130", "tab", *"seasonal", "tab", *"200")
        await pilot.pause()
        first, second = row(app, "Marketing-qualified leads"), row(app, "Website trial sign-ups")
        assert first.query_one(".comment", WrapField).value == "seasonal"
        assert second.query_one(".value", Input).value == "200"
        await pilot.press("tab")
        assert app.focused is second.query_one(".comment")
    with reopen(demo_dir) as (_store, meeting):
        assert (meeting.reading("Marketing-qualified leads").value,
                meeting.reading("Marketing-qualified leads").comment) == (130, "seasonal")
        assert meeting.reading("Website trial sign-ups").value == 200


async def test_tab_order_holds_when_keys_arrive_together(demo_dir: Path,
                                                         weekly_agenda: Agenda) -> None:
    """In tmux, ``130 Tab seasonal Tab 200`` sent at once put everything in the first box:
    Tab moved focus after the next letters had already been routed to it."""
    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        await burst(pilot, *"130", "tab", *"seasonal", "tab", *"200", "up", *"x")
        first, second = row(app, "Marketing-qualified leads"), row(app, "Website trial sign-ups")
        assert first.query_one(".value", Input).value == "130x"   # up: same field above
        assert first.query_one(".comment", WrapField).value == "seasonal"
        assert second.query_one(".value", Input).value == "200"


async def test_values_shown_as_text_become_inputs_inside_the_key(demo_dir: Path,
                                                                 weekly_agenda: Agenda) -> None:
    """A scorecard opens with one Input and one comment field (the row the cursor is in);
    a burst that moves down, tabs on and types lands in the rows it moved to, marked."""
    from checkin.tui.sections.metric_cells import IdleCells

    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        editor = editor_of(app)
        assert len(editor.query(Input)) == 1 and len(editor.query(WrapField)) == 1
        assert len(editor.query(IdleCells)) == 11
        await burst(pilot, "down", *"500", "tab", *"slow week", "tab", *"$300k")
        trials, pipeline = row(app, "Website trial sign-ups"), row(app, "Pipeline added")
        assert text(trials, "mark") == "✓ on" and text(pipeline, "mark") == "✓ on"
        assert app.focused is pipeline.query_one(".value", Input)
        assert len(editor.query(Input)) == 3
    with reopen(demo_dir) as (_store, meeting):
        assert meeting.reading("Website trial sign-ups").value == 500
        assert meeting.reading("Website trial sign-ups").comment == "slow week"
        assert meeting.reading("Pipeline added").value == 300000


async def test_a_burst_through_rows_shown_as_text_keeps_going(demo_dir: Path,
                                                              weekly_agenda: Agenda) -> None:
    """Tab after tab into values drawn as text: none takes the focus back late."""
    app = editor_app(demo_dir, "metrics")
    async with hosted(app) as pilot:
        await burst(pilot, "down", "down", *"300000", "tab", "tab", *"40%", "tab", "tab",
                    *"2")
        assert app.focused is row(app, "Renewals closed").query_one(".value", Input)
    with reopen(demo_dir) as (_store, meeting):
        assert [meeting.reading(n).value for n in ("Pipeline added", "Win rate",
                                                    "Renewals closed")] == [300000, 40, 2]
