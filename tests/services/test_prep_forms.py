"""Prep forms stay valid TOML whatever an agenda's names hold."""

from __future__ import annotations

import tomllib
from datetime import date

from checkin.core.model import ActionItem, Agenda, Department, MetricDef
from checkin.services.prep import file_name, form_text

HOSTILE = 'Sales "EU"\n[[x]] = \\ \x1b]0;t\x07 #'


def test_hostile_names_round_trip() -> None:
    dept = Department(HOSTILE, 'Dana "D" Lee')
    metric = MetricDef('Pipeline "net"\nadded', HOSTILE, 250000.0, unit="$\n#")
    agenda = Agenda("weekly", "Weekly\n[[metrics]]\nname = 'x'", departments=[dept],
                    metrics=[metric])
    item = ActionItem("A1", 'Fix "CRM"\nnow', "Dana", date(2026, 11, 27), HOSTILE)
    text = form_text(agenda, dept, date(2026, 11, 30), [metric], {metric.name: [1.5, 2.0]},
                     [item])
    data = tomllib.loads(text)
    assert data["department"] == HOSTILE and data["meeting"] == date(2026, 11, 30)
    assert data["metrics"][0]["name"] == metric.name and data["metrics"][0]["last"] == [1.5, 2]
    assert data["actions"][0]["title"] == item.title
    assert "\x1b" not in text.split("agenda =")[0]  # the comment header is plain
    assert file_name(HOSTILE) == "sales-eu-x-0-t.toml"
    assert file_name("Customer Support") == "customer-support.toml"
