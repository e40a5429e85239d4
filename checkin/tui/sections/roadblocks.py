"""Roadblocks: the ranked list (top three discussed first), resolve, escalate, to action."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ListItem, ListView

from checkin.core.dates import describe, next_meeting_date
from checkin.core.model import Meeting, Roadblock, Section
from checkin.core.review import short_name
from checkin.core.roadblocks import (
    DISCUSS_FIRST,
    action_title,
    edit,
    escalate,
    is_flag_label,
    move,
    renumber,
    reopen,
    resolve,
)
from checkin.errors import CheckinError
from checkin.services.meetings import add_roadblock
from checkin.services.queries import ProposedRoadblock
from checkin.tui.keys import key
from checkin.tui.sections.base import SectionEditor
from checkin.tui.sections.roadblock_form import RoadblockForm
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.inline_prompt import InlinePrompt
from checkin.tui.widgets.plain import Label

NARROW = 84  # below this many columns the "blocking" column is hidden
NARROWER = 60  # and below this, "raised by"
ROW_ACTIONS = ("move", "resolve", "escalate", "reopen", "to_action", "edit")  # hidden with no rows
MAX_PROPOSALS = 3  # proposed roadblocks listed; the rest are counted
COLUMNS = (("rank", "#"), ("title", "Roadblock"), ("raised", "Raised by"),
           ("blocking", "Blocking"), ("owner", "Owner"), ("status", "Status"))


class RoadblockRow(ListItem):
    def __init__(self, roadblock: Roadblock, first: bool) -> None:
        super().__init__(classes="roadblock-row")
        self.roadblock = roadblock
        self.set_class(first, "-first")
        self.set_class(roadblock.status != "open", f"-{roadblock.status}")

    def compose(self) -> ComposeResult:
        rb = self.roadblock
        title = ("↻ " if rb.carried_from else "") + rb.title
        if rb.status == "resolved" and rb.resolution:
            title += f" → {rb.resolution}"
        status = "discuss first" if self.has_class("-first") else rb.status
        cells = {"rank": str(rb.rank) if rb.status == "open" else "", "title": title,
                 "raised": rb.raised_by, "blocking": ", ".join(rb.blocking),
                 "owner": short_name(rb.owner), "status": status}
        with Horizontal():
            for key, text in cells.items():
                yield Label(text, classes=f"cell {key}")


_binding = partial(key, "roadblocks", by_key=True)
KEYS_HINT = "+/- rank · o reopen · p accept proposal · f1 all keys"


class RoadblocksEditor(SectionEditor):
    """n add · enter edit · +/- rank · s resolve · e escalate · o reopen · t to action."""

    BINDINGS = [
        _binding("n", "add", "New", "Add a roadblock"),
        _binding("ctrl+n", "add", "New", "Add a roadblock", show=False),
        _binding("enter", "edit", "Edit", "Edit its title, who raised it, what it blocks "
                 "and its owner"),
        _binding("p", "accept_proposal", "Accept proposal",
                 "Add the first proposed roadblock (an item that keeps slipping, a metric "
                 "off track meeting after meeting) to the list", show=False),
        _binding("plus", "move(-1)", "Rank up", "Move the roadblock up the list", show=False),
        _binding("shift+up", "move(-1)", "Rank up", "Move up the list", show=False),
        _binding("minus", "move(1)", "Rank down", "Move the roadblock down the list",
                 show=False),
        _binding("shift+down", "move(1)", "Rank down", "Move down the list", show=False),
        _binding("s", "resolve", "Resolve", "Resolve it: say how, in one line"),
        _binding("e", "escalate", "Escalate", "Escalate it beyond this meeting"),
        _binding("o", "reopen", "Reopen", "Back to open (after resolve or escalate)",
                 show=False),
        _binding("t", "to_action", "To action",
                 "Make an action item of it, due next meeting (asks for its title)"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        self.add_class("roadblocks-editor")
        self.proposals: list[ProposedRoadblock] = []
        self.action_title = ""  # the new item's title while its owner is asked

    def compose(self) -> ComposeResult:
        # the list and the proposals are composed with the editor, not mounted after it:
        # one mount and one layout for the first frame instead of three
        self.proposals = self.session.proposed_roadblocks()
        rows = renumber(self.meeting)
        yield Label(self.summary(rows), id="roadblocks-summary", classes="section-summary")
        proposals = Vertical(*self.proposal_labels(), id="proposals")
        proposals.display = bool(self.proposals)
        yield proposals
        with Horizontal(classes="roadblocks-head"):
            for key, title in COLUMNS:
                yield Label(title, classes=f"cell {key}")
        empty = Label(self.empty_text(), id="roadblocks-empty", classes="empty")
        empty.display = not rows
        yield empty
        yield ListView(*self.row_widgets(rows), id="roadblock-list",
                       initial_index=0 if rows else None)
        yield Label(KEYS_HINT, classes="keys-hint")  # the keys the footer has no room for

    def on_mount(self) -> None:
        self.refresh_bindings()

    def proposal_labels(self) -> list[Label]:
        """Escalation flags not yet on the list, as "Proposed:" lines; `p` takes the first."""
        shown = self.proposals[:MAX_PROPOSALS]
        labels = [Label(f"{'p ▸' if n == 0 else '   '} Proposed: {p.title} · "
                        f"{p.flag.detail.rsplit(') ', 1)[-1]}",
                        classes="proposal" + (" -next" if n == 0 else ""))
                  for n, p in enumerate(shown)]
        if len(self.proposals) > len(shown):
            labels.append(Label(f"    and {len(self.proposals) - len(shown)} more "
                                "(p takes them in turn)", classes="proposal"))
        return labels

    async def show_proposals(self) -> None:
        """Show the proposals again (one was taken, or the list changed)."""
        self.proposals = self.session.proposed_roadblocks()
        box = self.query_one("#proposals", Vertical)
        await box.remove_children()
        await box.mount_all(self.proposal_labels())
        box.display = bool(self.proposals)
        self.refresh_bindings()

    def focus_first(self) -> None:
        self.query_one(ListView).focus()

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    def width_classes(self, width: int) -> dict[str, bool]:
        return {"-narrow": width < NARROW, "-narrower": width < NARROWER}

    def row_widgets(self, rows: list[Roadblock]) -> list[RoadblockRow]:
        first = [r.id for r in rows if r.status == "open"][:DISCUSS_FIRST]
        return [RoadblockRow(r, r.id in first) for r in rows]

    def summary(self, rows: list[Roadblock]) -> str:
        open_ = sum(1 for r in rows if r.status == "open")
        carried = " · ↻ carried over" if any(r.carried_from for r in rows) else ""
        return (f"{open_} open · {len(rows) - open_} closed · "
                f"top {DISCUSS_FIRST} are discussed first{carried}")

    def empty_text(self) -> str:
        return ("No roadblocks yet: n adds one"
                + (", p accepts the proposal above" if self.proposals else ""))

    async def show_rows(self, keep: Roadblock | None = None) -> None:
        """Rebuild the (short) list in ranked order, the cursor on ``keep``."""
        rows = renumber(self.meeting)
        lv = self.query_one(ListView)
        old = lv.index
        await lv.clear()
        await lv.extend(self.row_widgets(rows))
        if rows:
            lv.index = rows.index(keep) if keep in rows else min(old or 0, len(rows) - 1)
        self.query_one("#roadblocks-summary", Label).update(self.summary(rows))
        empty = self.query_one("#roadblocks-empty", Label)
        empty.display = not rows
        empty.update(self.empty_text())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Row keys are hidden while the form or a question is open; `p` while nothing is
        proposed."""
        if action == "accept_proposal" and not self.proposals:
            return False
        if action in ROW_ACTIONS and not self.meeting.roadblocks:
            return False
        if action in ("add", "move", "resolve", "escalate", "reopen", "to_action",
                      "accept_proposal", "edit"):
            return not self.asking()
        return True

    def asking(self) -> bool:
        """A form or question is open (mounted as this editor's child): checked for every
        binding on each refresh, so only the children are looked at, not the subtree."""
        return bool(self.query_children(InlinePrompt) or self.query_children(RoadblockForm))

    def current(self) -> Roadblock | None:
        if self.asking():
            return None
        row = self.query_one(ListView).highlighted_child
        return row.roadblock if isinstance(row, RoadblockRow) else None

    async def changed(self, keep: Roadblock | None, message: str = "") -> None:
        """Show the list after a change the session has made."""
        await self.show_rows(keep)
        if message:
            self.notify(message, timeout=3)

    # ------------------------------------------------------------ keys
    def action_add(self) -> None:
        if not self.asking():
            departments = [d.name for d in self.meeting.agenda.departments]
            self.mount(RoadblockForm(departments, self.session.people()),
                       before=self.query_one(ListView))

    def action_edit(self) -> None:
        if rb := self.current():
            departments = [d.name for d in self.meeting.agenda.departments]
            self.mount(RoadblockForm(departments, self.session.people(), rb),
                       before=self.query_one(ListView))
            self.refresh_bindings()

    @on(ListView.Selected, "#roadblock-list")
    def _selected(self, event: ListView.Selected) -> None:
        event.stop()
        self.action_edit()

    async def action_accept_proposal(self) -> None:
        if not self.proposals or self.asking():
            return
        p = self.proposals[0]
        rb = self.session.apply(add_roadblock, p.title, raised_by=p.raised_by,
                                blocking=p.blocking, owner=p.owner)
        await self.show_proposals()
        await self.changed(rb, f"Added: {rb.title}")

    async def action_move(self, step: int) -> None:
        if (rb := self.current()) and self.session.apply(move, rb, step):
            await self.changed(rb)

    async def action_escalate(self) -> None:
        if (rb := self.current()) and rb.status == "open":
            self.session.apply(escalate, rb)
            await self.changed(rb, f"Escalated: {rb.title}")

    async def action_reopen(self) -> None:
        if (rb := self.current()) and rb.status != "open":
            self.session.apply(reopen, rb)
            await self.changed(rb, f"Reopened: {rb.title}")

    def action_resolve(self) -> None:
        if (rb := self.current()) and rb.status != "resolved":
            self.mount(InlinePrompt(f"How was “{rb.title}” resolved?", purpose="resolve"))

    def action_to_action(self) -> None:
        if rb := self.current():
            self.mount(InlinePrompt(f"Action item for “{rb.title}”: what needs doing?",
                                    purpose="title", value=action_title(rb)))

    def make_action(self, rb: Roadblock, owner: str, title: str) -> bool:
        today = self.session.today
        due = self.meeting.next_meeting or next_meeting_date(self.meeting.agenda.cadence, today)
        try:
            item = self.session.add_action(
                title=title, owner=owner, due=due,
                department=self.session.department_of(owner) or rb.raised_by)
        except CheckinError as exc:
            self.notify(str(exc), severity="error", timeout=4)
            return False
        self.notify(f"Action {item.id} for {owner}, due {describe(due, today)}: {item.title}",
                    timeout=4)
        return True

    # ------------------------------------------------------------ answers
    @on(RoadblockForm.Submitted)
    async def _added(self, event: RoadblockForm.Submitted) -> None:
        event.stop()
        editing = event.form.roadblock
        try:
            if editing is not None:
                self.session.apply(edit, editing, title=event.title,
                                   raised_by=event.raised_by, blocking=event.blocking,
                                   owner=event.owner)
                rb = editing
            else:
                rb = self.session.apply(add_roadblock, event.title, raised_by=event.raised_by,
                                        blocking=event.blocking, owner=event.owner)
        except CheckinError as exc:
            event.form.show_error(f"{exc}: type what is blocked")
            return
        await event.form.remove()
        await self.changed(rb, f"{'Saved' if editing else 'Added'}: {rb.title}")
        self.focus_first()

    @on(InlinePrompt.Accepted)
    async def _answered(self, event: InlinePrompt.Accepted) -> None:
        event.stop()
        prompt, text = event.prompt, str(event.value)
        row = self.query_one(ListView).highlighted_child
        if not isinstance(row, RoadblockRow):
            return
        rb = row.roadblock
        if prompt.purpose == "resolve":
            try:
                self.session.apply(resolve, rb, text)
            except CheckinError as exc:
                prompt.show_error(str(exc))
                return
            await prompt.remove()
            await self.changed(rb, f"Resolved: {rb.title}")
        elif prompt.purpose == "title":
            title = " ".join(text.split())
            if not title or is_flag_label(title):
                prompt.show_error("Say what needs doing, e.g. “Fix the CRM sync”")
                return
            await prompt.remove()
            if rb.owner:
                self.make_action(rb, rb.owner, title)
            else:
                self.action_title = title
                self.mount(InlinePrompt(f"Who owns “{title}”?", purpose="owner",
                                        suggestions=self.session.people(), new_person=True))
                return
        elif prompt.purpose == "owner":
            if not text.strip():
                prompt.show_error("Type the owner's name (tab/→ accepts a suggestion)")
                return
            if not self.make_action(rb, text, self.action_title or action_title(rb)):
                return
            await prompt.remove()
        self.focus_first()

    @on(RoadblockForm.Cancelled)
    @on(InlinePrompt.Cancelled)
    async def _cancelled(self, event: RoadblockForm.Cancelled | InlinePrompt.Cancelled) -> None:
        event.stop()
        await (event.form if isinstance(event, RoadblockForm.Cancelled) else event.prompt).remove()
        self.focus_first()
