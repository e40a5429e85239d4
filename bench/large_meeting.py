"""A large meeting for the minutes benchmark: 10 departments, 30 metrics, 40 action items,
with six earlier meetings for the trend column. Built in memory from the model classes."""

from __future__ import annotations

import copy
import random
from datetime import date, timedelta

from checkin.core.model import SECTION_KINDS as KINDS
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

DEPARTMENTS, METRICS, ACTIONS, HISTORY = 10, 30, 40, 6
DAY = date(2026, 11, 23)


def agenda() -> Agenda:
    depts = [Department(f"Department {n}", f"Person {n}") for n in range(DEPARTMENTS)]
    metrics = [MetricDef(f"Metric {n}", depts[n % DEPARTMENTS].name, target=100 + n,
                         better="higher" if n % 3 else "lower", unit="%" if n % 4 else "")
               for n in range(METRICS)]
    return Agenda(id="big", title="Company-wide check-in", shared_goal="Grow 20% this year",
                  departments=depts, metrics=metrics,
                  sections=[Section(kind, kind.title(), 5, "Prompt") for kind in KINDS])


def meeting(on: date, ag: Agenda, rng: random.Random, index: int) -> Meeting:
    m = Meeting(
        id=f"{on.isoformat()}-big", agenda=copy.deepcopy(ag), date=on, facilitator="Alex",
        status="ended", attendance=[Attendee(d.name, d.representative, rng.random() < 0.9,
                                             "" if index % 2 else "remote")
                                    for d in ag.departments],
        readings=[MetricReading(mt.name, round(mt.target * rng.uniform(0.8, 1.2), 1),
                                rng.choice(["", "seasonal dip", "new process"]))
                  for mt in ag.metrics],
        roadblocks=[Roadblock(f"R{n}", f"Roadblock {n} blocks the launch", f"Department {n}",
                              [f"Department {n + 1}"], f"Person {n}",
                              rng.choice(["open", "resolved", "escalated"]),
                              "Agreed a fix" if n % 2 else "", rank=n + 1)
                    for n in range(6)],
        updates=[DepartmentUpdate(d.name, "Closed two renewals early",
                                  "4 of 7 quarterly goals on track", "Help testing SSO")
                 for d in ag.departments],
        decisions=[Decision(f"Decision {n}: move the webinar by a week", "Sales")
                   for n in range(5)],
        notes="Long discussion about the launch.\n\nSecond paragraph of notes.",
        summary="Good progress; watch the support backlog.", ratings={"room": 8},
        next_meeting=on + timedelta(weeks=1),
    )
    return m


def build(seed: int = 5) -> tuple[Meeting, list[ActionItem], list[Meeting]]:
    """(meeting, its action items, six earlier meetings oldest first)."""
    rng = random.Random(seed)
    ag = agenda()
    history = [meeting(DAY - timedelta(weeks=HISTORY - n), ag, rng, n) for n in range(HISTORY)]
    current = meeting(DAY, ag, rng, HISTORY)
    actions = []
    for n in range(ACTIONS):
        carried = n % 2 == 0
        made_in = history[-1] if carried else current
        due = made_in.date + timedelta(days=rng.choice([4, 7, 14]))
        item = ActionItem(
            id=f"A{n + 1}", title=f"Follow up on item {n} with the partner team",
            owner=f"Person {n % DEPARTMENTS}", due=due, department=f"Department {n % 10}",
            agenda_id="big", created_in=made_in.id, created_on=made_in.date,
            history=[Change(made_in.date, "created", new=due.isoformat(), meeting=made_in.id)])
        if carried:
            current.carried_action_ids.append(item.id)
            if n % 4 == 0:
                item.mark_done(DAY, current.id)
        actions.append(item)
    return current, actions, history
