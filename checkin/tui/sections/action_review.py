"""Action review: the open items carried over, one key each to close, re-date, reassign."""

from __future__ import annotations

from datetime import date
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ListItem, ListView

from checkin.core.dates import describe
from checkin.core.model import ActionItem, Section
from checkin.core.prep import accept_status, waiting_status
from checkin.core.review import by_owner, keep_open, outcome, short_name, undo_last
from checkin.errors import CheckinError
from checkin.render.terminal import safe
from checkin.tui.keys import key
from checkin.tui.sections.base import SectionEditor
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.drawn_lines import DrawnLines
from checkin.tui.widgets.inline_prompt import InlinePrompt
from checkin.tui.widgets.plain import Label
from checkin.tui.widgets.theme_style import theme_style

COLUMNS = (("owner", "Owner"), ("title", "Item"), ("due", "Due"), ("late", "Late"),
           ("slips", "Slips"), ("status", "Outcome"))
# Cell widths with their one-column gap; the title takes what is left (at least TITLE_MIN).
WIDTHS = {"owner": 10, "due": 7, "late": 5, "slips": 6, "status": 12}
NARROW_WIDTHS = {**WIDTHS, "slips": 0, "status": 3}
TITLE_MIN = 14
# What this meeting did, as a glyph and a word that fit the column ("·": not yet reviewed).
OUTCOME_TEXT = {"to review": "·", "done": "✓ done", "dropped": "✗ dropped",
                "re-dated": "↻ new date", "reassigned": "→ new owner", "kept open": "= kept",
                "reopened": "↺ reopened"}
NARROW = 60  # below this many columns: no slips column, the outcome as a glyph
OVERDUE, REVIEWED, CLOSED = "$text-error bold", "$text-success bold", "$text-muted strike"


class Cells(DrawnLines):
    """A row of cells drawn by one widget, in the columns of ``COLUMNS``: each cell on
    one line (cut with …), the title wrapping under itself. The head and every review
    row are one each, so a row costs a widget instead of a container and six Labels."""

    DEFAULT_CSS = """
    Cells { height: auto; padding: 0 1; }
    """

    def __init__(self, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.texts: dict[str, str] = {}
        self.styles_of: dict[str, str] = {}
        self.narrow = False

    def show(self, texts: dict[str, str], styles: dict[str, str], *, narrow: bool) -> None:
        """Draw ``texts`` by column, each with its style (a Textual style, theme colours)."""
        self.texts, self.styles_of, self.narrow = texts, styles, narrow
        self.refresh(layout=True)

    def text(self, column: str) -> str:
        """What the cell ``column`` holds ("" when its column is hidden)."""
        widths = NARROW_WIDTHS if self.narrow else WIDTHS
        return "" if widths.get(column, 1) == 0 else self.texts.get(column, "")

    def style(self, column: str) -> str:
        return theme_style(self, self.styles_of.get(column, ""))

    def lines(self, width: int) -> list[Content]:
        widths = NARROW_WIDTHS if self.narrow else WIDTHS
        title_width = max(TITLE_MIN, width - sum(widths.values()))
        title = Content.styled(safe(self.texts.get("title", "")), self.style("title"))
        title_lines = title.wrap(title_width - 1) or [Content("")]
        first: list[Content] = []
        for column, _ in COLUMNS:
            if column == "title":
                first.append(title_lines[0].truncate(title_width, pad=True))
            elif widths[column]:
                text = Content.styled(safe(self.text(column)), self.style(column))
                first.append(text.truncate(widths[column] - 1, ellipsis=True, pad=True)
                             .pad_right(1))
        indent = " " * widths["owner"]
        return [Content("").join(first),
                *(Content(indent) + line for line in title_lines[1:])]


class ReviewRow(ListItem):
    """One carried-over item; `show` refreshes its cells and state classes."""

    def __init__(self, item: ActionItem) -> None:
        super().__init__(classes="review-row")
        self.item = item
        self.cells = Cells()

    def compose(self) -> ComposeResult:
        yield self.cells

    def text(self, column: str) -> str:
        return self.cells.text(column)

    def show(self, today: date, meeting_id: str, *, narrow: bool = False,
             prep: str = "") -> None:
        """Fill the cells; ``narrow`` shows the outcome as its glyph only."""
        item = self.item
        late = item.days_overdue(today)
        done = outcome(item, meeting_id)
        cells = {
            "owner": short_name(item.owner), "title": item.title,
            "due": f"{item.due.day} {item.due:%b}",
            "late": f"{late}d" if late else "",
            "slips": f"{item.slips}×" if item.slips else "",
            "status": OUTCOME_TEXT.get(done, done),
        }
        if prep and done == "to review":
            cells["status"] = f"p: {prep}"  # waiting from a prep form; p applies it
        if narrow:
            cells["status"] = cells["status"].split()[0]
        styles = {}
        if late > 0:
            styles["late"] = styles["due"] = OVERDUE
        if done != "to review":
            styles["status"] = REVIEWED
        if item.status != "open":
            styles["title"] = styles["owner"] = CLOSED
        self.cells.show(cells, styles, narrow=narrow)
        self.update_classes({"-overdue": late > 0, "-closed": item.status != "open",
                             "-reviewed": done != "to review"})  # one restyle, not three


_row_binding = partial(key, "action_review")


class ActionReviewEditor(SectionEditor):
    """d done · r re-date · a reassign · x drop · k keep open · u undo."""

    BINDINGS = [
        _row_binding("d", "done", "Done", "Mark the highlighted item done; next item"),
        _row_binding("r", "redate", "Re-date", "A new due date (counts a slip); next item"),
        _row_binding("a", "reassign", "Reassign", "Give the item to another owner"),
        _row_binding("x", "drop", "Drop", "Drop the item: nobody will do it; next item"),
        _row_binding("k", "keep", "Keep", "Reviewed: stays open as it is; next item"),
        _row_binding("u", "undo", "Undo", "Undo this meeting's last change to the item"),
        _row_binding("p", "accept_prep", "Accept prep",
                     "Apply the status its department sent in its prep form"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        self.add_class("action-review-editor")
        self.items = by_owner(session.carried_actions())

    def compose(self) -> ComposeResult:
        yield Label("", id="review-summary", classes="section-summary")
        if not self.items:
            yield Label("No open action items carried over", classes="empty")
            return
        yield Cells(classes="review-head")
        yield ListView(*(ReviewRow(item) for item in self.items), id="review-list")
        yield Label("", id="review-last")  # what the last key did: the cursor moved on

    def width_classes(self, width: int) -> dict[str, bool]:
        return {"-narrow": width < NARROW}

    def width_changed(self) -> None:
        self.show_rows()

    def on_mount(self) -> None:
        self.show_rows()
        self.show_summary()

    def show_rows(self) -> None:
        narrow = self.has_class("-narrow")
        for head in self.query(".review-head").results(Cells):
            head.show({k: "" if narrow and k == "status" else title for k, title in COLUMNS},
                      {}, narrow=narrow)
        for row in self.query(ReviewRow):
            row.show(self.session.today, self.session.meeting.id, narrow=narrow,
                     prep=self.prep_text(row.item))

    def focus_first(self) -> None:
        for widget in self.query("#review-list"):
            widget.focus()

    def show_summary(self) -> None:
        today, mid = self.session.today, self.session.meeting.id
        late = sum(1 for i in self.items if i.is_overdue(today))
        done = sum(1 for i in self.items if outcome(i, mid) != "to review")
        waiting = len(self.session.meeting.prep_statuses)
        self.query_one("#review-summary", Label).update(
            f"{len(self.items)} carried over · {late} overdue · {done} reviewed"
            + (f" · {waiting} from prep (p accepts)" if waiting else ""))

    # ------------------------------------------------------------ helpers
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Row keys are hidden while a question is open or when nothing was carried over."""
        asking = bool(self.query_children(InlinePrompt))  # mounted as a child: no subtree walk
        if action == "accept_prep":
            return bool(self.session.meeting.prep_statuses) and not asking
        if action in ("done", "redate", "reassign", "drop", "keep", "undo"):
            return bool(self.items) and not asking
        return True

    def prep_text(self, item: ActionItem) -> str:
        """The status a prep form proposes for ``item``, short ("done", "4 Dec")."""
        waiting = waiting_status(self.session.meeting, item.id)
        if waiting is None or waiting.status in ("done", "dropped"):
            return waiting.status if waiting else ""
        due = date.fromisoformat(waiting.status)
        return f"{due.day} {due:%b}"

    def current(self) -> ReviewRow | None:
        if self.query_children(InlinePrompt):
            return None  # one question at a time
        rows = self.query(ReviewRow)
        lists = self.query(ListView)
        if not rows or not lists:
            return None
        row = lists.first().highlighted_child
        return row if isinstance(row, ReviewRow) else None

    def saved(self, row: ReviewRow, message: str = "", *, undoable: bool = True) -> None:
        try:
            self.session.save_action(row.item)
        except CheckinError as exc:  # kept in the session, written with the next save
            self.post_message(self.SaveFailed(f"Not saved yet: {exc}"))
            message = ""
        row.show(self.session.today, self.session.meeting.id,
                 narrow=self.has_class("-narrow"), prep=self.prep_text(row.item))
        self.show_summary()
        if message:  # a line of its own, not a toast: a toast is mounted, styled and laid
            # out on every key (half of a `d` at 20 years, bench/keys.py) and they pile up
            hint = " · u undoes" if undoable else ""
            self.query_one("#review-last", Label).update(f"✓ {message}{hint}")

    def ask(self, question: str, purpose: str, **kwargs: object) -> None:
        self.mount(InlinePrompt(question, purpose=purpose, **kwargs))  # type: ignore[arg-type]
        self.refresh_bindings()

    # ------------------------------------------------------------ keys
    def action_done(self) -> None:
        if (row := self.current()) and row.item.status == "open":
            row.item.mark_done(self.session.today, self.session.meeting.id)
            self.saved(row, f"Done: {row.item.title}")
            self.query_one(ListView).action_cursor_down()

    def action_drop(self) -> None:
        if (row := self.current()) and row.item.status == "open":
            row.item.drop(self.session.today, self.session.meeting.id)
            self.saved(row, f"Dropped: {row.item.title}")
            self.query_one(ListView).action_cursor_down()

    def action_keep(self) -> None:
        if (row := self.current()) and row.item.status == "open":
            keep_open(row.item, self.session.today, self.session.meeting.id)
            self.saved(row)
            self.query_one(ListView).action_cursor_down()

    def action_accept_prep(self) -> None:
        if row := self.current():
            meeting = self.session.meeting
            done = accept_status(meeting, row.item, self.session.today)
            if done is None:
                self.notify("No prep status waiting for this item", timeout=3)
                return
            self.session.changed()
            self.saved(row, f"From prep ({done}): {row.item.title}")
            self.refresh_bindings()

    def action_undo(self) -> None:
        if row := self.current():
            undone = undo_last(row.item, self.session.meeting.id)
            if undone is None:
                self.notify("Nothing changed on this item in this meeting", timeout=3)
            else:
                self.saved(row, f"Undone ({undone}): {row.item.title}", undoable=False)

    def action_redate(self) -> None:
        if (row := self.current()) and row.item.status == "open":
            meeting = self.session.meeting
            self.ask(f"New due date for “{row.item.title}” (now {row.item.due:%a %d %b}):",
                     "redate", today=self.session.today, next_meeting=meeting.next_meeting,
                     dayfirst=self.session.dayfirst)

    def action_reassign(self) -> None:
        if (row := self.current()) and row.item.status == "open":
            self.ask(f"New owner for “{row.item.title}” (now {row.item.owner}):", "reassign",
                     suggestions=self.session.people(), new_person=True)

    @on(InlinePrompt.Accepted)
    def _answered(self, event: InlinePrompt.Accepted) -> None:
        event.stop()
        prompt, value = event.prompt, event.value
        row = self.query_one(ListView).highlighted_child
        if not isinstance(row, ReviewRow):
            return
        today, mid = self.session.today, self.session.meeting.id
        if prompt.purpose == "redate" and isinstance(value, date):
            row.item.redate(value, today, mid)
            message = f"Re-dated to {describe(value, today)}: {row.item.title}"
        elif prompt.purpose == "reassign" and isinstance(value, str):
            if not value.strip():
                prompt.show_error("Type the new owner's name (tab/→ accepts a suggestion)")
                return
            row.item.reassign(value, today, mid)
            message = f"Reassigned to {value}: {row.item.title}"
        else:
            return
        self.close_prompt(prompt)
        self.saved(row, message)
        if prompt.purpose == "redate":  # a new date settles it, as d and x do: next item
            self.query_one(ListView).action_cursor_down()

    @on(InlinePrompt.Cancelled)
    def _cancelled(self, event: InlinePrompt.Cancelled) -> None:
        event.stop()
        self.close_prompt(event.prompt)

    def close_prompt(self, prompt: InlinePrompt) -> None:
        prompt.remove()
        self.focus_first()
        self.call_after_refresh(self.refresh_bindings)
