"""The one way a number, a reading, a target and a trend are written. No UI here.

The app's scorecard and trends screen, ``checkin trends`` and the minutes all call these,
so a $250,000 target is ``≥ $250,000`` everywhere: never abbreviated, never in exponent
form, never escaped. ``grouping`` is the thousands separator: by default the one the
config file's ``number_grouping`` sets (`set_grouping`, called once at start-up), else
``,``; ``""`` for none. With ``.`` as the separator the decimal point becomes ``,``.
"""

from __future__ import annotations

import math

TYPE_CHECKING = False  # not typing's: `checkin meetings` formats numbers without it
if TYPE_CHECKING:
    from typing import Protocol

    class HasUnit(Protocol):
        @property
        def unit(self) -> str: ...

    class HasTarget(HasUnit, Protocol):
        @property
        def target(self) -> float | None: ...

        @property
        def better(self) -> str: ...

BLOCKS = "▁▂▃▄▅▆▇█"
FLAT = BLOCKS[3]  # every reading the same: one mid-low bar, everywhere
GAP = "·"  # a meeting without a (finite) reading
CURRENCIES = ("$", "€", "£", "¥")
DECIMALS = 6  # at most; trailing zeros are dropped
_grouping = ","  # the setting; `set_grouping` changes it


def set_grouping(separator: str) -> None:
    """Make ``separator`` the default thousands separator (the config's number_grouping)."""
    global _grouping
    _grouping = separator


def format_number(value: float | None, *, grouping: str | None = None) -> str:
    """``130``, ``99.7``, ``250,000``, ``1,234,567``, ``0.333333``: no trailing ``.0``, no
    exponent; ``""`` for None, ``n/a`` for NaN or infinity."""
    if value is None:
        return ""
    v = float(value)
    if not math.isfinite(v):
        return "n/a"
    text = f"{v:,.{DECIMALS}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    separator = _grouping if grouping is None else grouping
    if separator == ".":  # 1.234.567,5: the decimal point becomes a comma
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace(",", separator)


def format_value(metric: HasUnit | str, value: float | None, *, grouping: str | None = None,
                 missing: str = "no reading") -> str:
    """A reading with its unit (the metric's, or a unit given as text): ``$250,000``,
    ``25%``, ``130 leads``; ``missing`` for None."""
    if value is None:
        return missing
    number = format_number(value, grouping=grouping)
    unit = (metric if isinstance(metric, str) else metric.unit).strip()
    if unit in CURRENCIES:
        return f"-{unit}{number[1:]}" if number.startswith("-") else f"{unit}{number}"
    if unit.startswith("%"):
        return f"{number}{unit}"
    return f"{number} {unit}".rstrip()


def format_target(metric: HasTarget, *, grouping: str | None = None,
                  unit: str | None = None) -> str:
    """``≥ 120 leads``, ``≤ 4 hours``, ``≥ $250,000``, ``≥ 25%``; ``""`` without a target.
    ``unit`` replaces the metric's own (the minutes pass it escaped for Markdown)."""
    if metric.target is None:
        return ""
    sign = {"higher": "≥ ", "lower": "≤ "}.get(metric.better, "")
    shown = metric.unit if unit is None else unit
    return sign + format_value(shown, metric.target, grouping=grouping)


def sparkline(values: list[float | None]) -> str:
    """One bar per reading, scaled between the lowest and highest; all equal: `FLAT`;
    no reading (or not finite): `GAP`; ``""`` when nothing was ever read."""
    known = [v for v in values if v is not None and math.isfinite(v)]
    if not known:
        return ""
    low, high = min(known), max(known)
    out = []
    for v in values:
        if v is None or not math.isfinite(v):
            out.append(GAP)
        elif high == low:
            out.append(FLAT)
        else:
            out.append(BLOCKS[round((v - low) / (high - low) * (len(BLOCKS) - 1))])
    return "".join(out)
