"""Hostile text in every typed field of a real seeded meeting keeps the minutes' structure.

tests/test_minutes.py checks the renderer on a hand-built meeting with a few fields set to
one string. Here the meeting, its history and its action items come from the real seeding
code and the real store, every field a person types (or writes in an agenda file) gets its
own hypothesis-drawn text, and the data goes through the store's serialisation before it
is rendered: same headings, same table shapes, no raw HTML, no block a typist could inject.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from checkin.core.data import from_data, to_data
from checkin.core.model import (
    ActionItem,
    Agenda,
    Attendee,
    Change,
    Decision,
    Department,
    DepartmentUpdate,
    Meeting,
    MetricDef,
    MetricReading,
    Roadblock,
    Section,
)
from checkin.render.html import export_meeting
from checkin.services.minutes import minutes_inputs
from checkin.store import Store

from .conftest import LONG, run_checkin

try:  # cmark-gfm: the parser GitHub, GitLab and many wikis render pasted minutes with
    import cmarkgfm
except ImportError:  # pragma: no cover - the test extra installs it
    cmarkgfm = None
needs_cmark = pytest.mark.skipif(cmarkgfm is None,
                                 reason="cmarkgfm not installed: pip install -e '.[test]'")
GFM_EXTENSIONS = ["table", "strikethrough", "tagfilter"]
GFM_FORBIDDEN = ("raw HTML omitted", "<a ", "<img", "<code", "<pre", "<blockquote", "<hr",
                 "<del", "<em>", "<h4", "<h5", "<h6")

# Fields a person types, per class. Names that other records point at (department and
# metric names, ids, statuses, kinds) are keys, not text, and are left alone.
TYPED: dict[type, tuple[str, ...]] = {
    Meeting: ("facilitator", "notes", "summary"),
    Agenda: ("title", "shared_goal"),
    Section: ("title", "prompt"),
    Department: ("representative",),
    MetricDef: ("unit",),
    Attendee: ("person", "note"),
    MetricReading: ("comment",),
    Roadblock: ("title", "raised_by", "owner", "resolution"),
    DepartmentUpdate: ("wins", "progress", "needs"),
    Decision: ("text", "owner"),
    ActionItem: ("title", "owner"),
    Change: ("old", "new"),
}
HOSTILE_BITS = [
    "| a | b |", "|", "\n", "\r\n", "\r", "\u2028", "\x00", "\t", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "<!-- c -->", "<div>", "</td></tr></table>", "# h",
    "## Notes", "---", "===", "*", "_", "`", "```", "~~~", "[x](javascript:alert(1))",
    "![i](x.png)", "<http://evil>", "&lt;", "&#60;", "1. ", "> ", "- ", "+ ", "    code",
    "\\", "[^1]", "{{x}}", "$x$", "  ", "\u202e", "🙂",
]
hostile = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE_BITS) | st.text(max_size=4), max_size=8).map("".join),
)
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3",
                "p", "ul", "ol", "li", "strong", "table", "thead", "tbody", "tr", "th", "td",
                "br"}
PARSER = MarkdownIt("commonmark").enable("table")
FORBIDDEN_BLOCKS = {"html_block", "code_block", "fence", "blockquote_open", "hr"}
FORBIDDEN_INLINE = {"html_inline", "link_open", "image", "code_inline"}


@dataclass
class Shape:
    h1: int
    h2: list[str]
    tables: list[list[int]]


def typed_fields(obj: object) -> Iterator[tuple[object, str]]:
    """(owner object, field name) for every typed string field, depth first, in order."""
    for name in TYPED.get(type(obj), ()):
        yield obj, name
    for value in vars(obj).values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if type(item) in TYPED:
                yield from typed_fields(item)


def shape_of(markdown: str) -> Shape:
    tokens = PARSER.parse(markdown)
    assert not {t.type for t in tokens} & FORBIDDEN_BLOCKS, markdown
    kinds = {c.type for t in tokens if t.type == "inline" for c in t.children or []}
    assert not kinds & FORBIDDEN_INLINE, markdown
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens)
          if t.type == "heading_open" and t.tag == "h2"]
    tables, rows = [], None
    for t in tokens:
        if t.type == "table_open":
            tables.append([])
        elif t.type == "tr_open":
            rows = 0
        elif t.type in ("th_open", "td_open"):
            rows += 1
        elif t.type == "tr_close":
            tables[-1].append(rows)
    h1 = sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1")
    return Shape(h1, h2, tables)


def gfm_shape(markdown: str) -> tuple[int, list[str], list[int]]:
    """h1 count, h2 texts and per-table row counts as cmark-gfm sees them; no raw HTML,
    link, image, code, quote, rule or strikethrough anywhere."""
    page = cmarkgfm.markdown_to_html_with_extensions(markdown, extensions=GFM_EXTENSIONS)
    found = [bad for bad in GFM_FORBIDDEN if bad in page]
    assert not found, (found, markdown)
    h2 = re.findall(r"<h2>(.*?)</h2>", page)
    tables = [t.count("<tr>") for t in re.findall(r"<table>.*?</table>", page, re.S)]
    cells = [len(re.findall(r"<t[hd][ >]", t)) for t in
             re.findall(r"<table>.*?</table>", page, re.S)]
    return page.count("<h1>"), h2, [*tables, *cells]


def through_storage(obj: object) -> object:
    """What the store writes and reads back: to_data -> orjson -> from_data."""
    return from_data(type(obj), orjson.loads(orjson.dumps(to_data(obj))))


@dataclass
class Minutes:
    meeting: Meeting
    inputs: dict


@pytest.fixture(scope="module")
def real_minutes(tmp_path_factory: pytest.TempPathFactory) -> Minutes:
    from datetime import date

    from checkin import locations
    from checkin.core.agenda import load_agenda
    from checkin.services.demo import seed_history

    root = tmp_path_factory.mktemp("hostile") / "data"
    agenda = load_agenda(locations.bundled_agendas_dir() / "weekly.toml")
    with Store(root) as store:
        seed_history(store, agenda, weeks=8, today=date(2026, 11, 23))
    with Store(root, readonly=True) as store:
        meeting = store.load_meeting(store.meetings()[0].id)
        inputs = minutes_inputs(store, meeting)
    assert inputs["actions"] and inputs["history"] and meeting.roadblocks
    return Minutes(meeting, inputs)


def fill(minutes: Minutes, draw) -> tuple[Meeting, dict]:
    meeting = copy.deepcopy(minutes.meeting)
    inputs = copy.deepcopy(minutes.inputs)
    targets = [meeting, *inputs["actions"]]
    for target in targets:
        for obj, name in typed_fields(target):
            setattr(obj, name, draw(obj, name))
        for rb in getattr(target, "roadblocks", []):
            rb.blocking = [draw(rb, "blocking")]
    meeting = through_storage(meeting)
    inputs["actions"] = [through_storage(a) for a in inputs["actions"]]
    return meeting, inputs


def test_every_typed_field_is_reached(real_minutes: Minutes) -> None:
    seen = {(type(o).__name__, n) for t in [real_minutes.meeting, *real_minutes.inputs["actions"]]
            for o, n in typed_fields(t)}
    expected = {(cls.__name__, n) for cls, names in TYPED.items() for n in names}
    assert seen == expected  # the seeded meeting has at least one of every record


@settings(max_examples=300 if LONG else 40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_text_in_any_field_keeps_minutes_structure(real_minutes: Minutes, data) -> None:
    clean = shape_of(export_meeting(real_minutes.meeting, **real_minutes.inputs))
    meeting, inputs = fill(real_minutes,
                           lambda obj, name: data.draw(hostile, f"{type(obj).__name__}.{name}"))
    markdown = export_meeting(meeting, **inputs)
    assert shape_of(markdown) == clean
    page = export_meeting(meeting, fmt="html", **inputs)
    tags = {t.lower() for t in re.findall(r"<\/?([A-Za-z][A-Za-z0-9-]*)", page)}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    body = page.split("<body>", 1)[1]
    assert "<script" not in body.lower() and "<!--" not in body and "<img" not in body


@needs_cmark
@settings(max_examples=300 if LONG else 40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_text_in_any_field_keeps_structure_in_cmark_gfm(real_minutes: Minutes,
                                                            data) -> None:
    """The same hostile text, read by cmark-gfm (tables, strikethrough, tag filter)."""
    clean = gfm_shape(export_meeting(real_minutes.meeting, **real_minutes.inputs))
    meeting, inputs = fill(real_minutes,
                           lambda obj, name: data.draw(hostile, f"{type(obj).__name__}.{name}"))
    assert gfm_shape(export_meeting(meeting, **inputs)) == clean


def test_hostile_text_saved_and_exported_by_the_cli(real_minutes: Minutes,
                                                    tmp_path: Path) -> None:
    """End to end: the hostile meeting written by the real store, exported by `checkin`."""
    evil = "<script>alert(1)</script> | x |\n## Notes\n```\n[a](javascript:b)"
    meeting, inputs = fill(real_minutes, lambda obj, name: evil)
    root = tmp_path / "data"
    with Store(root) as store:
        for item in inputs["actions"]:
            store.save_action(item)
        for old in inputs["history"]:
            store.save_meeting(old)
        store.save_meeting(meeting)
    result = run_checkin("--data", str(root), "export", meeting.id)
    assert result.returncode == 0, result.stderr
    assert shape_of(result.stdout) == shape_of(
        export_meeting(real_minutes.meeting, **real_minutes.inputs))
    html = run_checkin("--data", str(root), "export", meeting.id, "--format", "html").stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
