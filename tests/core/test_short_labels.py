"""Short forms for narrow columns: owners as first name + initial (numbers are never
shortened: see tests/render/test_numbers.py)."""

from __future__ import annotations

import pytest

from checkin.core.review import short_name


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
