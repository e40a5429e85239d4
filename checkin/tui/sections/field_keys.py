"""Keys that move between fields at once, so fast typing lands in the field it was meant for.

Textual hands every key of a burst (a fast typist, ``tmux send-keys``, a key macro) to the
focused widget's queue before that widget has handled the first one. A plain Tab or Down
binding then moves focus too late: measured in tmux, ``130 Tab seasonal Tab 200`` all went
into the first box, and ``Space Down Space Down Space`` toggled one checkbox three times.
Priority bindings run while the app reads each key, and `Screen.set_focus` moves focus
before the next key is routed, so each key reaches the field the person saw.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.widget import Widget


def field_bindings(prefix: str) -> list[Binding]:
    """Tab / shift+tab as priority bindings calling ``action_next_field(step)``."""
    return [
        Binding("tab", "next_field(1)", "Next field", show=False, priority=True,
                id=f"{prefix}.next_field", tooltip="Next field"),
        Binding("shift+tab", "next_field(-1)", "Previous field", show=False,
                priority=True, id=f"{prefix}.previous_field", tooltip="Previous field"),
    ]


def row_bindings(prefix: str, what: str) -> list[Binding]:
    """Up / down as priority bindings calling ``action_move_row(step)``."""
    return [
        Binding("up", "move_row(-1)", "Up", show=False, priority=True, id=f"{prefix}.up",
                tooltip=f"Same field of the previous {what}"),
        Binding("down", "move_row(1)", "Down", show=False, priority=True,
                id=f"{prefix}.down", tooltip=f"Same field of the next {what}"),
    ]


def focus_now(widget: Widget) -> None:
    """Focus ``widget`` before the next key is routed (`Widget.focus` waits a turn)."""
    widget.screen.set_focus(widget)


def replace_now(stand_in: Widget, field: Widget) -> Widget:
    """Put ``field`` where ``stand_in`` (its text, drawn alike) is: in the DOM at once, so
    it can take the focus before the next key is routed; the text leaves the focus chain
    now and the DOM after this turn."""
    stand_in.display = False
    parent = stand_in.parent
    assert isinstance(parent, Widget)
    parent.mount(field, after=stand_in)
    stand_in.remove()
    return field


def focused_inside(widget: Widget) -> Widget:
    """The focused widget if it is inside ``widget``; else skip the action, so the key
    goes on to its usual handler."""
    focused = widget.screen.focused
    if focused is None or widget not in focused.ancestors:
        raise SkipAction()
    return focused


def next_field(widget: Widget, step: int) -> None:
    """Tab (step 1) / shift+tab (-1) inside ``widget``, at once."""
    focused_inside(widget)
    if step > 0:
        widget.screen.focus_next()
    else:
        widget.screen.focus_previous()
