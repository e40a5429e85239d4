"""Reminders for cron: per owner, the open items due within N days or overdue, as a
Markdown digest or one email per owner (addressed from the agendas' department emails)."""

from __future__ import annotations

import re
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from checkin.core.model import ActionItem, Agenda
from checkin.core.rules import due_within
from checkin.render.html import render_html
from checkin.render.mail import build_message
from checkin.render.share import by_owner, digest, owner_markdown
from checkin.store import Store


def reminder_items(store: Store, today: date, days: int) -> dict[str, list[ActionItem]]:
    """Owner -> their items due within ``days`` days or overdue (owners alphabetical)."""
    return by_owner(due_within(store.actions("open"), today, days))


def reminder_digest(groups: dict[str, list[ActionItem]], today: date) -> str:
    items = [i for group in groups.values() for i in group]
    return digest(items, today, by_owner=True, fmt="md")


def owner_address(owner: str, items: list[ActionItem], agendas: dict[str, Agenda]) -> str:
    """The address for ``owner``: their items' department email, else the department
    they represent; ``""`` when no agenda gives one."""
    for item in items:
        agenda = agendas.get(item.agenda_id)
        dept = agenda.department(item.department) if agenda else None
        if dept and dept.email:
            return dept.email
    for agenda in agendas.values():
        dept = agenda.represented_by(owner)
        if dept and dept.email:
            return dept.email
    return ""


def reminder_message(owner: str, items: list[ActionItem], today: date, address: str
                     ) -> EmailMessage:
    subject = f"Action items due soon: {owner or 'no owner'} ({today.isoformat()})"
    text = owner_markdown(owner, items, today)
    return build_message(subject, text, render_html(text, title=subject),
                         to=[(owner, address)] if address else [])


def eml_name(owner: str, taken: set[str]) -> str:
    """A safe, unique file name for an owner's message (``dana-lee.eml``)."""
    stem = re.sub(r"[^a-z0-9]+", "-", owner.casefold()).strip("-")[:60] or "no-owner"
    name, n = f"{stem}.eml", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}.eml"
    taken.add(name)
    return name


def write_reminders(messages: dict[str, EmailMessage], folder: Path) -> list[Path]:
    from checkin.services.mail import write_eml

    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    paths = []
    for owner, message in messages.items():
        path = folder / eml_name(owner, taken)
        write_eml(message, path)
        paths.append(path)
    return paths
