"""The scorecard's words and numbers: parse a typed metric value, show targets and trends.

No UI here. `parse_metric_value` accepts what a facilitator types while an owner reads a
number aloud: ``130``, ``-3``, ``1,200``, ``12.5``, ``85%``, ``$1.2k``, ``2.5M``, ``4 hours``
(the metric's own unit may follow the number). Anything else raises `MetricValueError`
whose message says what works.
"""

from __future__ import annotations

import math
import re

from checkin.errors import CheckinError

_NUMBER = re.compile(
    r"""(?P<sign>[-+−]?)\s*(?P<cur>[$€£])?\s*
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)
        \s*(?P<mult>k|m|mn|bn|b)?\s*(?P<pct>%)?""",
    re.IGNORECASE | re.VERBOSE,
)


_MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}


EXAMPLES = "130, 1,200, 12.5, 85%, $1.2k"


class MetricValueError(CheckinError, ValueError):
    """A typed metric value that is not a number; the message gives ones that work."""


def parse_metric_value(text: str, unit: str = "") -> float | None:
    """The number in ``text``, or None for an empty text (no reading)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    word = unit.strip()
    if word and word not in "$€£%" and cleaned.casefold().endswith(word.casefold()):
        cleaned = cleaned[: -len(word)].rstrip()
    match = _NUMBER.fullmatch(cleaned)
    if match is None:
        raise MetricValueError(f'"{text.strip()}" is not a number: try {EXAMPLES}')
    value = float(match["num"].replace(",", ""))
    if match["mult"]:
        value *= _MULTIPLIERS[match["mult"].lower()]
    if match["sign"] in ("-", "−"):
        value = -value
    if not math.isfinite(value):
        raise MetricValueError(f'"{text.strip()}" is too large: try {EXAMPLES}')
    return value
