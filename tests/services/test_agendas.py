"""The one agenda loader by name, used by the CLI, the app and the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkin import locations
from checkin.errors import AgendaError
from checkin.services.agendas import DEFAULT_AGENDA, agenda_by_name


def test_default_is_the_bundled_weekly(data_dir: Path) -> None:
    assert agenda_by_name(None).id == DEFAULT_AGENDA == agenda_by_name(None, data_dir).id


def test_a_data_dir_agenda_overrides_the_bundled_one_except_without_data_dir(
        data_dir: Path) -> None:
    bundled = locations.bundled_agendas_dir() / "weekly.toml"
    own = locations.user_agendas_dir(data_dir)
    own.mkdir(parents=True)
    text = bundled.read_text(encoding="utf-8").replace(
        'title = "Weekly cross-functional check-in"', 'title = "Our weekly"', 1)
    assert "Our weekly" in text
    (own / "weekly.toml").write_text(text, encoding="utf-8")
    assert agenda_by_name("weekly", data_dir).title == "Our weekly"
    assert agenda_by_name("weekly").title != "Our weekly"  # the demo's bundled one
    assert agenda_by_name(str(own / "weekly.toml")).title == "Our weekly"  # a path


def test_unknown_name_is_one_line_naming_the_choices(data_dir: Path) -> None:
    with pytest.raises(AgendaError, match="no agenda named .*available: .*weekly") as exc:
        agenda_by_name("nope", data_dir)
    assert "\n" not in str(exc.value)
