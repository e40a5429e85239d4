"""A plain Label skips the screen layout when its new text cannot move its box, and
still shows every change: fixed cells, auto widths that grow, wrapped text that grows."""

from __future__ import annotations

from textual.app import App, ComposeResult

from checkin.tui.widgets.plain import Label, moves_layout

CSS = """
#cell { width: 10; height: 1; }
#auto { width: auto; height: 1; }
#wrapped { width: 12; height: auto; }
#nowrap { width: 12; height: auto; text-wrap: nowrap; }
#free { width: auto; height: auto; }
"""


class Labels(App[None]):
    CSS = CSS

    def compose(self) -> ComposeResult:
        yield Label("one", id="cell")
        yield Label("one", id="auto")
        yield Label("one", id="wrapped")
        yield Label("one", id="nowrap")
        yield Label("one", id="free")


def shown(label: Label) -> str:
    return str(label.render())


async def test_a_label_shows_each_new_text_and_its_box_follows_it() -> None:
    app = Labels()
    async with app.run_test(size=(40, 12)) as pilot:
        cell, auto, wrapped, nowrap = (app.query_one(f"#{n}", Label)
                                       for n in ("cell", "auto", "wrapped", "nowrap"))
        for label in (cell, auto, wrapped, nowrap):
            label.update("two")
        await pilot.pause()
        assert [shown(x) for x in (cell, auto, wrapped, nowrap)] == ["two"] * 4
        assert (cell.size.width, cell.size.height, auto.size.width) == (10, 1, 3)

        auto.update("three words")  # wider: the box grows
        wrapped.update("a sentence that wraps on two lines")  # wraps: taller
        nowrap.update("first\nsecond")  # one more line: taller
        await pilot.pause()
        assert auto.size.width == len("three words")
        assert wrapped.size.height > 1
        assert nowrap.size.height == 2
        assert shown(auto) == "three words"


async def test_only_a_text_that_can_move_the_box_asks_for_a_layout() -> None:
    app = Labels()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        cell, auto, wrapped, nowrap = (app.query_one(f"#{n}", Label)
                                       for n in ("cell", "auto", "wrapped", "nowrap"))
        assert not moves_layout(cell, "one", "a much longer text")  # fixed box
        assert not moves_layout(auto, "1 of 12", "2 of 12")  # as wide as before
        assert moves_layout(auto, "9 of 12", "10 of 12")
        assert moves_layout(wrapped, "one", "two")  # wrapping: the words decide
        assert not moves_layout(nowrap, "one", "three")  # same number of lines
        assert moves_layout(nowrap, "one", "one\ntwo")
        assert moves_layout(cell, None, "one")  # nothing known shown before
        free = app.query_one("#free", Label)  # a default Label: it wraps once too wide
        assert moves_layout(free, "ab cd efg", "a bcdefgh")
