"""Minutes and reminders as standard email messages (the standard library's ``email``).

A message is ``multipart/alternative``: the Markdown as ``text/plain`` (read raw, as most
people see mail) and the HTML page. Header text comes from typed names and titles, so it
is folded onto one line and stripped of control characters (no header injection). The
boundary is derived from the content: the same meeting gives the same bytes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default as DEFAULT_POLICY

from checkin.core.model import Department, Meeting


def one_line(text: str) -> str:
    """``text`` on one line without control characters (for a mail header)."""
    kept = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return " ".join(kept.split())


def recipients(meeting: Meeting) -> list[Department]:
    """Departments with an address that had someone present (all with an address when
    no attendance was taken), in agenda order."""
    present = {a.department for a in meeting.attendance if a.present}
    taken = bool(meeting.attendance)
    return [d for d in meeting.agenda.departments
            if d.email and (not taken or d.name in present)]


def minutes_subject(meeting: Meeting) -> str:
    return f"{one_line(meeting.agenda.title) or 'Meeting'}: minutes {meeting.date.isoformat()}"


def build_message(subject: str, text: str, html: str | None = None, *,
                  to: list[tuple[str, str]] = ()) -> EmailMessage:
    """A message with ``text`` (and ``html`` as the alternative) to ``(name, address)``."""
    msg = EmailMessage(policy=DEFAULT_POLICY)
    msg["Subject"] = one_line(subject)
    if to:
        msg["To"] = [Address(display_name=one_line(name), addr_spec=address)
                     for name, address in to]
    msg.set_content(text, subtype="plain", charset="utf-8")
    if html is not None:
        msg.add_alternative(html, subtype="html", charset="utf-8")
        digest = hashlib.sha256((subject + text + html).encode()).hexdigest()[:32]
        msg.set_boundary(f"=_checkin_{digest}")
    return msg


def minutes_message(meeting: Meeting, markdown: str, html: str) -> EmailMessage:
    """The minutes as an email to the departments that attended."""
    to = [(d.name, d.email) for d in recipients(meeting)]
    return build_message(minutes_subject(meeting), markdown, html, to=to)
