"""Short forms for narrow columns: owners as first name + initial, compact targets."""

from __future__ import annotations

import pytest

from checkin.core.model import MetricDef
from checkin.core.review import short_name
from checkin.render.numbers import compact_number, format_target_short


@pytest.mark.parametrize(("name", "short"), [
    ("Marcus Okafor", "Marcus"), ("Dana Lee", "Dana L."), ("Cher", "Cher"),
    ("Ana María de la Cruz", "Ana C."), ("  ", ""), ("Bartholomew Jones", "Barthol…"),
    ("Christopher Smith", "Christo…"),
])
def test_short_name(name: str, short: str) -> None:
    result = short_name(name, width=8)
    assert result == short and len(result) <= 8


def test_short_name_default_width_keeps_first_name() -> None:
    assert short_name("Christopher Smith") == "Christop…"
    assert short_name("Sofia Martinez") == "Sofia M."


@pytest.mark.parametrize(("value", "text"), [
    (120, "120"), (99.9, "99.9"), (9999, "9999"), (12500, "12.5k"), (250000, "250k"),
    (1_200_000, "1.2M"), (-30000, "-30k"), (3e9, "3B"),
])
def test_compact_number(value: float, text: str) -> None:
    assert compact_number(value) == text


@pytest.mark.parametrize(("unit", "target", "better", "text"), [
    ("leads", 120, "higher", "≥ 120"), ("$", 250000, "higher", "≥ $250k"),
    ("%", 99.9, "higher", "≥ 99.9%"), ("hours", 4, "lower", "≤ 4 h"),
    ("€", 1_200_000, "higher", "≥ €1.2M"), ("incidents", 0, "lower", "≤ 0"),
])
def test_format_target_short_fits_eight_columns(unit: str, target: float, better: str,
                                               text: str) -> None:
    short = format_target_short(MetricDef("m", "d", target, better, unit))
    assert short == text and len(short) <= 8
