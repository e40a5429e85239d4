"""`checkin actions`: action items across all meetings, filtered, in several formats."""

from __future__ import annotations

from checkin import locations
from checkin.commands.common import open_readonly, out, today
from checkin.core.listing import filter_actions, sort_actions
from checkin.render import actions as formats

TYPE_CHECKING = False  # not typing's (~3 ms a process)
if TYPE_CHECKING:
    import argparse

    from checkin.core.model import ActionItem
    from checkin.core.stored import StoredItem
    from checkin.store import Store

FORMATS = ("table", "md", "csv", "json", "ics", "taskwarrior")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--owner", help="whole name, or a unique part of it: pri, raman")
    parser.add_argument("--department", help="whole name, or a unique part of it: support")
    parser.add_argument("--overdue", action="store_true", help="only open items past due")
    parser.add_argument("--status", choices=("open", "done", "dropped", "all"), default="open")
    parser.add_argument("--agenda", help="only items of this agenda")
    parser.add_argument("--by-owner", action="store_true", help="one section per owner")
    parser.add_argument("--format", choices=FORMATS, default="table")


def run(args: argparse.Namespace) -> int:
    day = today()
    items: list[ActionItem] | list[StoredItem] | None = None
    owner = department = None
    if (args.status == "open" and not (args.owner or args.department or args.by_owner)
            and args.format in ("table", "md", "csv")):
        # today's items, straight from the register (no store, no model): see store.quick
        from checkin.store.quick import register_items

        items = register_items(locations.data_dir_text(getattr(args, "data", None)))
    if items is None:
        with open_readonly(args) as store:
            owner, department = named_filters(args, store)
            items = store.actions(None if args.status == "all" else args.status)
    items = filter_actions(items, today=day, owner=owner, department=department,
                           status=args.status, overdue=args.overdue, agenda_id=args.agenda)
    items = sort_actions(items, "owner" if args.by_owner else "due")
    fmt = args.format
    if fmt in ("ics", "taskwarrior"):
        from checkin.render import share

        out(share.FORMATS[fmt](items, day))
    elif args.by_owner or (owner and fmt == "md"):
        from checkin.render import share

        out(share.digest(items, day, by_owner=args.by_owner, fmt=fmt))
    else:
        out(formats.FORMATS[fmt](items, day))
    return 0


def named_filters(args: argparse.Namespace, store: Store) -> tuple[str | None, str | None]:
    """``--owner`` / ``--department`` through the people rule, over every item's names
    (read only when one is given): an unknown or ambiguous one is an error (exit 2), never
    an empty list."""
    from checkin.core.people import (
        NameMatchError,
        known_people,
        resolve_department,
        resolve_person,
    )

    if not (args.owner or args.department):
        return None, None
    try:
        owner = (resolve_person(args.owner, known_people(store.owner_names()))
                 if args.owner else None)
    except NameMatchError as exc:
        raise type(exc)(f"--owner: {exc}", exc.typed, exc.candidates) from None
    try:
        department = (resolve_department(args.department, store.department_names())
                      if args.department else None)
    except NameMatchError as exc:
        raise type(exc)(f"--department: {exc}", exc.typed, exc.candidates) from None
    return owner, department
