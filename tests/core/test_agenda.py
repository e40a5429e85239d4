"""Agenda templates: loading, validation messages that point at the line, lookup."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.agenda import load_agenda
from checkin.core.agenda_lines import LineIndex
from checkin.core.model import DEFAULT_SECTION_TITLES, SECTION_KINDS, Agenda
from checkin.errors import AgendaError
from checkin.locations import bundled_agendas_dir
from checkin.services.agendas import AgendaInfo, agenda_dirs, find_agenda, list_agendas

# Line numbers matter: the cases below assert them.
BASE = """\
title = "Team check-in"
cadence = "weekly"
duration_minutes = 30

[[departments]]
name = "Sales"
representative = "Ann Ode"

[[departments]]
name = "IT"

[[metrics]]
name = "Win rate"
department = "Sales"
unit = "%"
target = 25
better = "higher"

[[sections]]
kind = "attendance"
timebox_minutes = 5

[[sections]]
kind = "metrics"
timebox_minutes = 10
prompt = "Numbers first"
"""

ALL_KINDS = " | ".join(SECTION_KINDS)
SECTION_KEYS = "kind, title, timebox_minutes, prompt"


def edit(old: str, new: str, text: str = BASE) -> str:
    """BASE with one exact piece replaced (keeping line numbers when ``new`` is one line)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def write(tmp_path: Path, text: str | bytes, name: str = "team.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(AgendaError) as info:
        load_agenda(path)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    assert path.name in message
    return message


NO_DEPARTMENTS = """\
title = "Solo"

[[sections]]
kind = "notes"

[[sections]]
kind = "{kind}"
"""

# (id, file text, expected line or None when only the field can be named, fragments)
ERROR_CASES: list[tuple[str, str | bytes, int | None, list[str]]] = [
    ("not-utf8", BASE.encode().replace(b"Ann Ode", b"Ann \xff"), 7,
     ["not UTF-8", "0xff", "save it with UTF-8"]),
    ("empty", "", 1, ["empty", "title", "[[sections]]"]),
    ("only-comments", "# nothing yet\n\n", 1, ["empty", "title"]),
    ("syntax-unquoted", edit('title = "Team check-in"', "title = Team check-in"), 1,
     ["invalid TOML", "Invalid value", "quotes"]),
    ("syntax-header", edit("[[sections]]\nkind = \"metrics\"", "[[sections]\nkind = \"metrics\""),
     23, ["invalid TOML", "']]'", "[[sections]]"]),
    ("syntax-duplicate-key", edit("cadence = ", 'title = "Again"\ncadence = '), 2,
     ["invalid TOML", "overwrite"]),
    ("missing-title", edit('title = "Team check-in"', "# title removed"), None,
     ["title: missing", "title = "]),
    ("blank-title", edit('title = "Team check-in"', 'title = "  "'), 1,
     ["title: is empty", "some text"]),
    ("title-not-text", edit('title = "Team check-in"', "title = 2026"), 1,
     ["title: 2026 is not text", "quotes"]),
    ("unknown-cadence", edit('cadence = "weekly"', 'cadence = "daily"'), 2,
     ['cadence: "daily" is not a cadence', "weekly | biweekly | monthly"]),
    ("duration-zero", edit("duration_minutes = 30", "duration_minutes = 0"), 3,
     ["duration_minutes: 0 is not allowed", "whole number of minutes greater than 0"]),
    ("duration-text", edit("duration_minutes = 30", 'duration_minutes = "30"'), 3,
     ['duration_minutes: "30" is not allowed', "whole number"]),
    ("duration-float", edit("duration_minutes = 30", "duration_minutes = 30.5"), 3,
     ["duration_minutes: 30.5 is not allowed", "whole number"]),
    ("unknown-top-key", edit("duration_minutes = 30", "duration = 30"), 3,
     ["duration: unknown key", "did you mean duration_minutes?", "title, cadence,"]),
    ("misspelt-table", edit("[[sections]]\nkind = \"metrics\"", "[[section]]\nkind = \"metrics\""),
     23, ["section: unknown key", "did you mean sections?"]),
    ("no-sections", BASE.split("[[sections]]")[0], None,
     ["sections: the agenda has no sections", ALL_KINDS]),
    ("single-bracket-table", 'title = "T"\n\n[sections]\nkind = "notes"\n', 3,
     ["sections: must be a list of tables", "[[sections]] header"]),
    ("unknown-kind", edit('kind = "metrics"', 'kind = "scorecard"'), 24,
     ['sections[2].kind: "scorecard" is not a section kind', ALL_KINDS]),
    ("missing-kind", edit('kind = "metrics"', 'title = "Numbers"'), 23,
     ["sections[2].kind: missing", ALL_KINDS]),
    ("negative-timebox", edit("timebox_minutes = 10", "timebox_minutes = -5"), 25,
     ["sections[2].timebox_minutes: -5 is not allowed", "0 or more"]),
    ("fractional-timebox", edit("timebox_minutes = 10", "timebox_minutes = 2.5"), 25,
     ["sections[2].timebox_minutes: 2.5 is not allowed", "whole number of minutes"]),
    ("typo-timebox", edit("timebox_minutes = 10", "timebx_minutes = 10"), 25,
     ["sections[2].timebx_minutes: unknown key", "did you mean timebox_minutes?", SECTION_KEYS]),
    ("section-title-not-text", edit('prompt = "Numbers first"', "title = 3"), 26,
     ["sections[2].title: 3 is not text"]),
    ("duplicate-department", edit('name = "IT"', 'name = "Sales"'), 10,
     ['departments[2].name: "Sales" is listed twice', "different name"]),
    ("department-without-name", edit('name = "IT"', 'representative = "Bob"'), 9,
     ["departments[2].name: missing", 'name = "..."']),
    ("department-typo", edit('representative = "Ann Ode"', 'rep = "Ann Ode"'), 7,
     ["departments[1].rep: unknown key", "name, representative"]),
    ("metric-unknown-department", edit('department = "Sales"', 'department = "Finance"'), 14,
     ['metrics[1].department: "Finance" is not a department of this agenda', "Sales | IT"]),
    ("metric-missing-department", edit('department = "Sales"', "# none"), 12,
     ["metrics[1].department: missing", "Sales | IT"]),
    ("metric-missing-target", edit("target = 25", "# no target"), 12,
     ["metrics[1].target: missing", "target = 120"]),
    ("target-not-number", edit("target = 25", 'target = "25%"'), 16,
     ['metrics[1].target: "25%" is not a number', "without quotes or units"]),
    ("target-bool", edit("target = 25", "target = true"), 16,
     ["metrics[1].target: true is not a number"]),
    ("bad-better", edit('better = "higher"', 'better = "more"'), 17,
     ['metrics[1].better: "more" is not a direction', "higher | lower"]),
    ("duplicate-metric", edit("[[sections]]\nkind = \"attendance\"",
     '[[metrics]]\nname = "Win rate"\ndepartment = "IT"\ntarget = 1\n\n'
     "[[sections]]\nkind = \"attendance\""), 20,
     ['metrics[2].name: "Win rate" is listed twice', "different name"]),
    ("metrics-section-without-metrics",
     BASE.replace("[[metrics]]", "# [[metrics]]").replace("\nname = \"Win rate\"", "\n#")
     .replace('department = "Sales"', "#").replace('unit = "%"', "#")
     .replace("target = 25", "#").replace('better = "higher"', "#"), 24,
     ["sections[2].kind: a metrics section but no metrics are defined", "[[metrics]]"]),
    ("updates-without-departments", NO_DEPARTMENTS.format(kind="updates"), 7,
     ["sections[2].kind: an updates section but no departments", "[[departments]]"]),
    ("attendance-without-departments", NO_DEPARTMENTS.format(kind="attendance"), 7,
     ["sections[2].kind: an attendance section but no departments", "[[departments]]"]),
    ("bad-email", edit('representative = "Ann Ode"', 'representative = "Ann Ode"\nemail = "ann"'),
     8, ['departments[1].email: "ann" is not an email address', 'email = "sales@example.com"']),
    ("email-not-text", edit('representative = "Ann Ode"', 'email = ["a@b.c"]'), 7,
     ["departments[1].email: ", "is not text"]),
    ("inline-sections", 'title = "T"\n\nsections = [{ kind = "notes" }, { kind = "nope" }]\n', 3,
     ['sections[2].kind: "nope" is not a section kind', ALL_KINDS]),
    ("kind-after-multiline-prompt", edit(
        '[[sections]]\nkind = "metrics"\ntimebox_minutes = 10\nprompt = "Numbers first"',
        '[[sections]]\nprompt = """\nkind = "not a key: prompt text"\n"""\nkind = "metric"',
    ), 27, ['sections[2].kind: "metric" is not a section kind']),
]


@pytest.mark.parametrize(
    ("text", "line", "fragments"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_errors_name_file_line_problem_and_fix(
    tmp_path: Path, text: str | bytes, line: int | None, fragments: list[str]
) -> None:
    path = write(tmp_path, text)
    message = load_error(path)
    if line is None:
        assert message.startswith(f"{path}: "), message
    else:
        assert message.startswith(f"{path}:{line}: "), message
    assert "; " in message, message  # "<what is wrong>; <how to fix>"
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def test_base_agenda_loads_with_defaults(tmp_path: Path) -> None:
    agenda = load_agenda(write(tmp_path, BASE))
    assert isinstance(agenda, Agenda)
    assert agenda.id == "team"
    assert (agenda.title, agenda.cadence) == ("Team check-in", "weekly")
    assert agenda.duration_minutes == 30
    assert agenda.shared_goal == ""
    assert [d.name for d in agenda.departments] == ["Sales", "IT"]
    assert agenda.departments[1].representative == ""
    metric = agenda.metrics[0]
    assert (metric.department, metric.target, metric.better, metric.unit) == ("Sales", 25.0,
                                                                              "higher", "%")
    assert [s.kind for s in agenda.sections] == ["attendance", "metrics"]
    assert [s.prompt for s in agenda.sections] == ["", "Numbers first"]


def test_section_titles_default_per_kind(tmp_path: Path) -> None:
    text = 'title = "T"\n\n[[departments]]\nname = "IT"\n\n[[metrics]]\nname = "Up"\n'
    text += 'department = "IT"\ntarget = 99.9\n'
    for kind in SECTION_KINDS:
        text += f'\n[[sections]]\nkind = "{kind}"\n'
    text += '\n[[sections]]\nkind = "notes"\ntitle = "Lessons learned"\n'
    agenda = load_agenda(write(tmp_path, text))
    titles = [s.title for s in agenda.sections]
    assert titles == [DEFAULT_SECTION_TITLES[k] for k in SECTION_KINDS] + ["Lessons learned"]
    assert all(s.timebox_minutes == 5 for s in agenda.sections)


def test_optional_settings_default(tmp_path: Path) -> None:
    agenda = load_agenda(write(tmp_path, 'title = "T"\n[[sections]]\nkind = "notes"\n'))
    assert (agenda.cadence, agenda.duration_minutes, agenda.metrics) == ("weekly", 60, [])


def test_utf8_bom_and_non_ascii_are_fine(tmp_path: Path) -> None:
    text = BASE.replace("Ann Ode", "Zoë Müller")
    agenda = load_agenda(write(tmp_path, "\ufeff".encode() + text.encode()))
    assert agenda.departments[0].representative == "Zoë Müller"


def test_missing_file_is_an_agenda_error(tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="cannot read"):
        load_agenda(tmp_path / "nope.toml")


# ------------------------------------------------------------------ bundled templates
BUNDLED = sorted(bundled_agendas_dir().glob("*.toml"))


def test_the_three_templates_are_shipped() -> None:
    assert {p.stem for p in BUNDLED} >= {"weekly", "sales-marketing-sla", "post-campaign"}


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_template_loads(path: Path) -> None:
    agenda = load_agenda(path)
    assert agenda.id == path.stem
    assert agenda.sections and agenda.metrics and agenda.departments
    assert sum(s.timebox_minutes for s in agenda.sections) == agenda.duration_minutes
    assert all(s.prompt for s in agenda.sections)
    assert all(d.representative for d in agenda.departments)
    for department in agenda.departments:
        assert any(m.department == department.name for m in agenda.metrics), department


def test_weekly_template_shape() -> None:
    agenda = load_agenda(bundled_agendas_dir() / "weekly.toml")
    assert agenda.cadence == "weekly" and agenda.duration_minutes == 60
    assert [d.name for d in agenda.departments] == [
        "Marketing", "Sales", "Product", "Customer Support", "IT"
    ]
    assert [s.kind for s in agenda.sections] == [
        "attendance", "action-review", "metrics", "roadblocks", "updates", "actions", "notes",
        "wrap-up",
    ]
    assert agenda.metric("First response time").better == "lower"
    assert agenda.shared_goal


# ------------------------------------------------------------------ listing and lookup
def test_list_agendas_reports_broken_file_without_raising(tmp_path: Path) -> None:
    folder = tmp_path / "agendas"
    folder.mkdir()
    write(folder, BASE, "b-good.toml")
    write(folder, edit('kind = "metrics"', 'kind = "nope"'), "a-broken.toml")
    (folder / "readme.txt").write_text("not an agenda")
    infos = list_agendas([folder, tmp_path / "missing"])
    assert [i.id for i in infos] == ["a-broken", "b-good"]
    broken, good = infos
    assert broken.error and "a-broken.toml:24:" in broken.error
    assert broken.title == "a-broken" and broken.path == folder / "a-broken.toml"
    assert good == AgendaInfo("b-good", "Team check-in", folder / "b-good.toml", "weekly", None)


def test_user_dir_overrides_bundled_by_id(tmp_path: Path) -> None:
    dirs = agenda_dirs(tmp_path)
    assert dirs == [bundled_agendas_dir(), tmp_path / "agendas"]
    dirs[1].mkdir()
    write(dirs[1], BASE, "weekly.toml")
    write(dirs[1], BASE, "mine.toml")
    infos = {i.id: i for i in list_agendas(dirs)}
    assert infos["weekly"].path == dirs[1] / "weekly.toml"
    assert infos["weekly"].title == "Team check-in"
    assert infos["post-campaign"].path == bundled_agendas_dir() / "post-campaign.toml"
    assert "mine" in infos
    assert find_agenda("weekly", dirs) == dirs[1] / "weekly.toml"


def test_find_agenda_by_id_and_path(tmp_path: Path) -> None:
    dirs = agenda_dirs(tmp_path)  # the user dir does not exist: fine
    assert find_agenda("weekly", dirs) == bundled_agendas_dir() / "weekly.toml"
    assert find_agenda("weekly.toml", dirs) == bundled_agendas_dir() / "weekly.toml"
    own = write(tmp_path, BASE, "own.toml")
    assert find_agenda(str(own), dirs) == own


def test_find_agenda_unknown_lists_available(tmp_path: Path) -> None:
    with pytest.raises(AgendaError) as info:
        find_agenda("weeky", agenda_dirs(tmp_path))
    message = str(info.value)
    assert '"weeky"' in message and "\n" not in message
    assert "post-campaign, sales-marketing-sla, weekly" in message


def test_find_agenda_missing_path(tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="no such agenda file"):
        find_agenda(str(tmp_path / "gone.toml"), agenda_dirs(tmp_path))


# ------------------------------------------------------------------ robustness
def test_line_index_points_at_tables_and_keys() -> None:
    lines = LineIndex(BASE)
    assert lines.find(None, None, "cadence") == 2
    assert lines.find("sections", 1, "prompt") == 26
    assert lines.find("sections", 1, "title") == 23  # missing: the table's header
    assert lines.find("sections", None, None) is None
    assert lines.find(None, None, "metrics") == 12  # a table: its first header
    assert lines.find(None, None, "shared_goal") is None


VALUES = ["1", "-1", "0", "2.5", "true", '""', '"x"', '"Sales"', '"notes"', "[]", "[1]",
          "{}", "{ a = 1 }", "1979-05-27", '"higher"', '[{ name = "x" }]']
KEYS = ["title", "name", "kind", "target", "department", "better", "timebox_minutes",
        "sections", "metrics", "departments", "cadence", "zz"]


@settings(max_examples=200, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 25), st.sampled_from(KEYS), st.sampled_from(VALUES)),
        max_size=3,
    )
)
def test_any_edit_loads_or_gives_one_line_agenda_error(tmp_path_factory, edits) -> None:
    lines = BASE.splitlines()
    for index, key, value in edits:
        lines[index] = f"{key} = {value}"
    path = write(tmp_path_factory.mktemp("fuzz"), "\n".join(lines) + "\n")
    try:
        load_agenda(path)
    except AgendaError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message and "; " in message


def test_department_email_is_optional(tmp_path: Path) -> None:
    text = BASE.replace('representative = "Ann Ode"',
                        'representative = "Ann Ode"\nemail = " sales@example.com "')
    agenda = load_agenda(write(tmp_path, text))
    assert [d.email for d in agenda.departments] == ["sales@example.com", ""]
