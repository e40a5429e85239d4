"""Exporting minutes: the Markdown as a standalone HTML page, and writing files atomically.

Pure functions the CLI and the minutes screen share (no Textual); markdown-it-py is
imported only when HTML is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from checkin.core.model import ActionItem, Meeting
from checkin.render.minutes import render_markdown, since_last

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5; color: #1b1b1b; background: #fff; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #bbb; padding: .35rem .6rem; vertical-align: top; }
th { background: #f2f2f2; text-align: left; }
tr:nth-child(even) td { background: #fafafa; }
@media print { main { max-width: none; margin: 0; } }
"""


def render_html(markdown_text: str, *, title: str) -> str:
    """``markdown_text`` as a complete HTML5 page; raw HTML in the input is not rendered."""
    import html

    from markdown_it import MarkdownIt

    md = MarkdownIt("js-default", {"html": False}).enable("table")
    body = md.render(markdown_text)
    page_title = html.escape(" ".join(title.split()))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{page_title}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def export_meeting(
    meeting: Meeting,
    *,
    actions: list[ActionItem],
    history: Sequence[Meeting] = (),
    fmt: str = "md",
    since: bool = True,
) -> str:
    """The minutes as ``"md"`` or ``"html"`` text. With ``since`` and an earlier meeting in
    ``history`` (oldest first), a "Since last meeting" block compares with the latest one."""
    if fmt not in ("md", "html"):
        raise ValueError(f"unknown export format {fmt!r}: use 'md' or 'html'")
    previous = next((h for h in reversed(history) if h.id != meeting.id), None)
    changes = since_last(meeting, previous, actions) if since and previous else None
    text = render_markdown(meeting, actions=actions, history=history, since=changes)
    if fmt == "md":
        return text
    return render_html(text, title=f"{meeting.agenda.title} — {meeting.date.isoformat()}")
