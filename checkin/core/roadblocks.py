"""The roadblocks list of a meeting: rank, resolve, escalate, reopen. No UI.

Open roadblocks are ranked 1..n and the top `DISCUSS_FIRST` are discussed first (the L10
"IDS" list); escalated ones follow, then resolved ones. Ranks are renumbered after every
change, so they stay 1..n without gaps or ties.
"""

from __future__ import annotations

from checkin.core.model import Meeting, Roadblock
from checkin.errors import CheckinError

DISCUSS_FIRST = 3
_STATUS_ORDER = {"open": 0, "escalated": 1, "resolved": 2}


def ranked(meeting: Meeting) -> list[Roadblock]:
    """Open by rank, then escalated, then resolved (stable for equal ranks)."""
    order = {id(r): n for n, r in enumerate(meeting.roadblocks)}
    return sorted(meeting.roadblocks,
                  key=lambda r: (_STATUS_ORDER.get(r.status, 0), r.rank, order[id(r)]))


def renumber(meeting: Meeting) -> list[Roadblock]:
    """Store the ranked order: ranks 1..n, and ``meeting.roadblocks`` in that order."""
    rows = ranked(meeting)
    for n, rb in enumerate(rows, start=1):
        rb.rank = n
    meeting.roadblocks[:] = rows
    return rows


def discuss_first(meeting: Meeting) -> list[Roadblock]:
    return [r for r in ranked(meeting) if r.status == "open"][:DISCUSS_FIRST]


def move(meeting: Meeting, roadblock: Roadblock, step: int) -> bool:
    """Move a roadblock up (-1) or down (+1) among those of its status; False at an end."""
    rows = renumber(meeting)
    peers = [r for r in rows if r.status == roadblock.status]
    at = peers.index(roadblock)
    to = at + step
    if not 0 <= to < len(peers):
        return False
    other = peers[to]
    roadblock.rank, other.rank = other.rank, roadblock.rank
    renumber(meeting)
    return True


def resolve(meeting: Meeting, roadblock: Roadblock, resolution: str) -> None:
    if not resolution.strip():
        raise CheckinError("say how it was resolved (one line)")
    roadblock.status, roadblock.resolution = "resolved", resolution.strip()
    renumber(meeting)


def escalate(meeting: Meeting, roadblock: Roadblock) -> None:
    roadblock.status = "escalated"
    renumber(meeting)


def reopen(meeting: Meeting, roadblock: Roadblock) -> None:
    """Back to open, at the bottom of the open ones; the resolution is kept for reference."""
    roadblock.status = "open"
    roadblock.rank = len(meeting.roadblocks) + 1
    renumber(meeting)


def edit(meeting: Meeting, roadblock: Roadblock, *, title: str, raised_by: str,
         blocking: list[str], owner: str) -> None:
    """Correct what was typed: title, who raised it, what it blocks, who unblocks it."""
    if not title.strip():
        raise CheckinError("a roadblock needs a title")
    roadblock.title, roadblock.raised_by = " ".join(title.split()), raised_by
    roadblock.blocking, roadblock.owner = list(blocking), " ".join(owner.split())


def action_title(roadblock: Roadblock) -> str:
    """A task title to offer when a roadblock becomes an action item: a flag's label
    ("Off track: X", "Keeps slipping: Y (A7)") is not something a person can do."""
    title = roadblock.title.strip()
    for prefix, template in (("off track:", "Bring {} back on track"),
                             ("keeps slipping:", "Unblock {}")):
        if title.casefold().startswith(prefix):
            rest = title[len(prefix):].strip()
            if prefix == "keeps slipping:" and rest.endswith(")") and " (" in rest:
                rest = rest[: rest.rindex(" (")]
            return template.format(rest)
    return title


def is_flag_label(title: str) -> bool:
    """True for a title that is still a flag's label, refused as an action item's title."""
    return title.strip().casefold().startswith(("off track:", "keeps slipping:"))


def find_open(meeting: Meeting, title: str) -> Roadblock | None:
    """An open roadblock with this title (case-insensitive), to avoid sending it twice."""
    key = title.strip().casefold()
    return next((r for r in meeting.roadblocks
                 if r.status == "open" and r.title.strip().casefold() == key), None)
