"""One pass over the items gives the same rates as ``completion_rate`` per window."""

from __future__ import annotations

import random
from datetime import date, timedelta

from checkin.core.model import ActionItem
from checkin.core.rules import completion_rate, completion_rates


def test_completion_rates_equal_the_rule_per_window() -> None:
    rng = random.Random(3)
    start = date(2025, 1, 6)
    items = []
    for n in range(300):
        due = start + timedelta(days=rng.randint(0, 200))
        item = ActionItem(id=f"A{n}", title="t", owner="o", due=due)
        roll = rng.random()
        if roll < 0.5:
            item.mark_done(due + timedelta(days=rng.randint(-5, 5)))
        elif roll < 0.6:
            item.drop(due)
        items.append(item)
    weeks = [start + timedelta(weeks=w) for w in range(30)]
    expected = [completion_rate(items, weeks[k - 1] if k else None, d)
                for k, d in enumerate(weeks)]
    assert completion_rates(items, weeks) == expected
    assert completion_rates([], weeks[:2]) == [None, None]
