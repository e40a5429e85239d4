"""The scorecard's words and numbers: parse a typed metric value, show targets and trends.

No UI here. `parse_metric_value` accepts what a facilitator types while an owner reads a
number aloud: ``130``, ``-3``, ``1,200``, ``12.5``, ``85%``, ``$1.2k``, ``2.5M``, ``4 hours``
(the metric's own unit may follow the number). Anything else raises `MetricValueError`
whose message says what works.
"""

from __future__ import annotations

from checkin.core.model import MetricDef

_BLOCKS = "▁▂▃▄▅▆▇█"


def format_number(value: float | None, *, grouped: bool = False) -> str:
    """``130``, ``99.7``, ``250,000`` (grouped): no trailing ``.0``; ``""`` for None."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}" if grouped else str(int(value))
    text = f"{value:,.6f}" if grouped else f"{value:.6f}"
    return text.rstrip("0").rstrip(".")


def format_target(metric: MetricDef) -> str:
    """``≥ 120 leads``, ``≤ 4 hours``, ``≥ $250,000``, ``≥ 25%``."""
    sign = "≥" if metric.better == "higher" else "≤"
    number = format_number(metric.target, grouped=True)
    unit = metric.unit.strip()
    if unit in ("$", "€", "£"):
        return f"{sign} {unit}{number}"
    if unit == "%":
        return f"{sign} {number}%"
    return f"{sign} {number} {unit}".rstrip()


_SHORT_UNITS = {"hours": "h", "hour": "h", "minutes": "min", "days": "d", "ms": "ms"}


def compact_number(value: float) -> str:
    """``120``, ``99.9``, ``250k``, ``1.2M``: at most about five characters."""
    for above, size, suffix in ((1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "k")):
        if abs(value) >= above:
            return format_number(round(value / size, 1)) + suffix
    return format_number(round(value, 2))


def format_target_short(metric: MetricDef) -> str:
    """The target for a narrow column: ``≥ 120``, ``≥ $250k``, ``≥ 25%``, ``≤ 4 h``. A
    word unit (leads, accounts) is left to the metric's name; a time unit is shortened."""
    sign = "≥" if metric.better == "higher" else "≤"
    number = compact_number(metric.target)
    unit = metric.unit.strip()
    if unit in ("$", "€", "£"):
        return f"{sign} {unit}{number}"
    if unit == "%":
        return f"{sign} {number}%"
    short = _SHORT_UNITS.get(unit.casefold(), "")
    return f"{sign} {number} {short}".rstrip()


def format_value(metric: MetricDef, value: float | None) -> str:
    """A reading with its unit, as the minutes and roadblock titles say it."""
    if value is None:
        return "no reading"
    number = format_number(value, grouped=True)
    unit = metric.unit.strip()
    if unit in ("$", "€", "£"):
        return f"{unit}{number}"
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}".rstrip()


def sparkline(values: list[float | None]) -> str:
    """One block character per reading, scaled between the lowest and highest; a space
    for a meeting without a reading."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif span == 0:
            out.append(_BLOCKS[len(_BLOCKS) // 2])
        else:
            out.append(_BLOCKS[round((v - low) / span * (len(_BLOCKS) - 1))])
    return "".join(out)
