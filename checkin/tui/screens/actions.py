"""The action items register: every item across meetings, filtered, sorted and edited by key.

Filters run in Python over the store's items (``checkin.queries``) and the table draws only
the rows on screen, so a keystroke stays fast with thousands of items. Every edit goes
through the item's model method (which records its history) and is saved at once.

The first frame shows the open items (the register alone); the closed ones (every archive
year: ~60 ms to convert five years' worth) are read right after it, or at once when a
filter asks for them.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from checkin.core.model import ActionItem
from checkin.core.people import known_people
from checkin.core.rules import filter_actions, sort_actions
from checkin.errors import CheckinError
from checkin.render.share import digest
from checkin.store import Store
from checkin.tui.frames import SizedScreen, after_first_frame
from checkin.tui.keys import key
from checkin.tui.screens.digest import DigestDialog
from checkin.tui.teardown import leaving
from checkin.tui.widgets.action_table import ActionTable
from checkin.tui.widgets.inline_prompt import InlinePrompt
from checkin.tui.widgets.key_bar import KeyBar
from checkin.tui.widgets.plain import Input, Label

STATUSES = ("open", "done", "dropped", "all")
SORTS = ("due", "owner", "department")
_key = partial(key, "actions")
FILTER_KEYS = ("filters: o owner · p dept · s status · v overdue · c clear · "
               "sort: 1 due · 2 owner · 3 dept")  # the footer has no room for them


class ActionsScreen(SizedScreen[None]):
    """All action items; ``/`` search, ``o``/``p``/``s``/``v`` filter, ``1``-``3`` sort,
    ``d``/``r``/``a``/``x`` edit the highlighted item, ``m`` its owner's digest."""

    BINDINGS = [
        _key("slash", "search", "Search", "Type to filter items by text (Enter: back to list)"),
        _key("o", "ask_owner", "Owner", "Show one owner's items (empty: everyone)", show=False),
        _key("p", "ask_department", "Dept", "Show one department's items (empty: all)", show=False),
        _key("s", "cycle_status", "Status", "Cycle open → done → dropped → all", show=False),
        _key("v", "toggle_overdue", "Overdue", "Show only overdue items, or all again", show=False),
        _key("c", "clear", "Clear", "Clear every filter and the search", show=False),
        _key("1", "sort('due')", "By due", "Sort by due date", show=False),
        _key("2", "sort('owner')", "By owner", "Sort by owner, then due date", show=False),
        _key("3", "sort('department')", "By dept", "Sort by department, then due date",
             show=False),
        _key("d", "done", "Done", "Mark the item done (again: reopen it)"),
        _key("r", "redate", "Re-date", "Give the item a new due date (counts as a slip)"),
        _key("a", "reassign", "Reassign", "Give the item to another owner"),
        _key("x", "drop", "Drop", "Drop the item: it will not be done"),
        _key("m", "digest", "Digest", "Markdown digest of the owner's open items"),
        _key("escape", "back", "Back", "Leave the search, or go back"),
    ]

    def __init__(self, store: Store, *, today: date, dayfirst: bool = False) -> None:
        super().__init__(id="actions")
        self.store = store
        self.today = today
        self.dayfirst = dayfirst
        self.owner: str | None = None
        self.department: str | None = None
        self.status = "open"
        self.overdue = False
        self.text = ""
        self.sort = "due"
        self._sorted: list[ActionItem] | None = None
        self.closed_wanted = False  # read the archive's items too (after the first frame)

    def compose(self) -> ComposeResult:
        yield Label("Action items", id="actions-title")
        with Horizontal(id="actions-bar"):
            yield Input(placeholder="/ search text, owner, dept", id="actions-search")
            yield Label("", id="actions-filters")
        yield Label(FILTER_KEYS, id="actions-keys", classes="keys-hint")
        yield ActionTable(today=self.today, id="actions-table")
        yield Label("", id="actions-detail")
        yield Vertical(id="actions-prompt")
        yield KeyBar()

    def on_mount(self) -> None:
        if leaving(self):  # a signal came while it mounted: nothing to show
            return
        self.apply()
        self.table.focus()
        after_first_frame(self, self.read_closed)

    def read_closed(self) -> None:
        """After the first frame: the closed items join the list, in one batch."""
        if not leaving(self) and self.is_attached and not self.closed_wanted:
            self.closed_wanted, self._sorted = True, None
            self.apply(keep=self.table.selected.id if self.table.selected else None)

    @property
    def table(self) -> ActionTable:
        return self.query_one(ActionTable)

    # ------------------------------------------------------------ filtering
    def sorted_items(self) -> list[ActionItem]:
        """The items in the current sort order (cached until an edit or a new sort): the
        open ones alone until the first frame is drawn (or a filter wants closed ones)."""
        if self.status != "open" and not self.closed_wanted:
            self.closed_wanted, self._sorted = True, None
        if self._sorted is None:
            items = None
            if self.closed_wanted:
                try:
                    items = self.store.actions()
                except CheckinError as exc:  # a damaged archive row: say so, keep the open
                    self.closed_wanted = False
                    self.notify(str(exc), title="Closed items cannot be shown",
                                severity="error", timeout=20)
            self._sorted = sort_actions(items or self.store.actions("open"), self.sort)
        return self._sorted

    def apply(self, keep: str | None = None) -> None:
        """Filter, show the matching rows, and say which filters are on."""
        items = self.sorted_items()
        shown = filter_actions(
            items, today=self.today, owner=self.owner,
            department=self.department, status=self.status, overdue=self.overdue,
            text=self.text or None,
        )
        self.table.set_items(shown, keep=keep)
        parts = [f"status {self.status}"]
        if self.owner:
            parts.append(f"owner {self.owner}")
        if self.department:
            parts.append(f"dept {self.department}")
        if self.overdue:
            parts.append("overdue only")
        parts.append(f"by {self.sort}")
        total = f" of {len(items)}" if self.closed_wanted else ""  # once every item is in
        self.query_one("#actions-filters", Label).update(
            " · ".join(parts) + f" · {len(shown)}{total}")

    @on(Input.Changed, "#actions-search")
    def searched(self, event: Input.Changed) -> None:
        self.text = event.value.strip()
        self.apply()

    @on(Input.Submitted, "#actions-search")
    def search_done(self) -> None:
        self.table.focus()

    @on(ActionTable.Highlighted)
    def show_detail(self, event: ActionTable.Highlighted) -> None:
        item = event.item
        label = self.query_one("#actions-detail", Label)
        if item is None:
            label.update("")
            return
        slips = f" · re-dated {item.slips}×" if item.slips else ""
        origin = item.created_in or "added between meetings"
        label.update(f"{item.id} · {' '.join(item.title.split())} · {item.owner} · "
                     f"from {origin}{slips}")

    def action_search(self) -> None:
        self.query_one("#actions-search", Input).focus()

    def action_cycle_status(self) -> None:
        self.status = STATUSES[(STATUSES.index(self.status) + 1) % len(STATUSES)]
        self.apply()

    def action_toggle_overdue(self) -> None:
        self.overdue = not self.overdue
        self.apply()

    def action_clear(self) -> None:
        self.owner = self.department = None
        self.status, self.overdue, self.text = "open", False, ""
        with self.prevent(Input.Changed):
            self.query_one("#actions-search", Input).value = ""
        self.apply()

    def action_sort(self, key: str) -> None:
        self.sort, self._sorted = key, None
        self.apply(keep=self.table.selected.id if self.table.selected else None)

    def action_back(self) -> None:
        if self.query_one("#actions-search", Input).has_focus:
            self.table.focus()
        else:
            self.dismiss()

    # ------------------------------------------------------------ questions
    def owners(self) -> list[str]:
        return known_people(self.store.owner_names())

    def departments(self) -> list[str]:
        return sorted({a.department for a in self.store.actions() if a.department},
                      key=str.casefold)

    def ask(self, purpose: str, question: str, **kw: object) -> None:
        holder = self.query_one("#actions-prompt", Vertical)
        holder.remove_children()
        holder.mount(InlinePrompt(question, purpose=purpose, dayfirst=self.dayfirst,
                                  **kw))  # type: ignore[arg-type]

    def action_ask_owner(self) -> None:
        self.ask("owner", "Show the items of (empty: everyone):", value=self.owner or "",
                 suggestions=self.owners())

    def action_ask_department(self) -> None:
        self.ask("department", "Show the items of department (empty: all):",
                 value=self.department or "", suggestions=self.departments(),
                 kind="department")

    def action_redate(self) -> None:
        item = self.table.selected
        if item is not None:
            self.ask("redate", f"New due date for {item.id} (now {item.due.isoformat()}):",
                     today=self.today)

    def action_reassign(self) -> None:
        item = self.table.selected
        if item is not None:
            self.ask("reassign", f"Give {item.id} (now {item.owner}) to:",
                     suggestions=self.owners(), new_person=True)

    def close_prompt(self) -> None:
        self.query_one("#actions-prompt", Vertical).remove_children()
        self.table.focus()

    @on(InlinePrompt.Cancelled)
    def cancelled(self, event: InlinePrompt.Cancelled) -> None:
        event.stop()
        self.close_prompt()

    @on(InlinePrompt.Accepted)
    def accepted(self, event: InlinePrompt.Accepted) -> None:
        event.stop()
        prompt, value, item = event.prompt, event.value, self.table.selected
        if prompt.purpose == "owner":
            self.owner = str(value).strip() or None
        elif prompt.purpose == "department":
            self.department = str(value).strip() or None
        elif prompt.purpose == "redate" and item is not None and isinstance(value, date):
            item.redate(value, self.today)
            self.save(item, f"{item.id} now due {value.isoformat()}")
        elif prompt.purpose == "reassign" and item is not None:
            owner = " ".join(str(value).split())
            if not owner:
                prompt.show_error("Type a name (Escape: keep the owner)")
                return
            item.reassign(owner, self.today)
            self.save(item, f"{item.id} now owned by {owner}")
        self.close_prompt()
        self.apply(keep=item.id if item else None)

    # ------------------------------------------------------------ edits
    def save(self, item: ActionItem, message: str) -> None:
        """Write the item at once and re-sort (its due date or owner may have changed)."""
        self.store.save_action(item)
        hooks = getattr(self.app, "hooks", None)
        if hooks is not None:
            hooks.action_saved(item)  # `action-closed` when this closed it
        self._sorted = None
        self.notify(message, timeout=3)

    def action_done(self) -> None:
        item = self.table.selected
        if item is None:
            return
        if item.status == "done":
            item.reopen(self.today)
            self.save(item, f"{item.id} reopened")
        else:
            item.mark_done(self.today)
            self.save(item, f"{item.id} done")
        self.apply()

    def action_drop(self) -> None:
        item = self.table.selected
        if item is None or item.status == "dropped":
            return
        item.drop(self.today)
        self.save(item, f"{item.id} dropped")
        self.apply()

    def action_digest(self) -> None:
        item = self.table.selected
        owner = self.owner or (item.owner if item else None)
        if not owner:
            self.notify("Pick an item or an owner first", severity="warning")
            return
        mine = filter_actions(self.store.actions(), today=self.today, owner=owner)
        text = digest(mine, self.today, by_owner=False, fmt="md")
        self.app.push_screen(DigestDialog(owner, text))
