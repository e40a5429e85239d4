"""Seed a data dir with a realistic, deterministic history of weekly check-ins.

Everything is written through the real store and meeting code, so the demo (and the
benchmarks, which reuse ``seed_history``) exercise exactly what a facilitator's data does.
"""

from __future__ import annotations

import os
import random
import shutil
import stat
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from checkin.core.model import Agenda, Decision, Meeting, MetricDef
from checkin.errors import CheckinError
from checkin.services.meetings import add_roadblock, end_meeting, new_action, start_meeting
from checkin.store import Store

ACTION_TITLES = {
    "Marketing": ["Refresh the webinar landing page", "Brief agency on Q1 campaign",
                  "Clean up MQL scoring rules", "Publish the retention case study",
                  "Fix UTM tagging on paid social"],
    "Sales": ["Follow up on stalled enterprise deals", "Update CRM stages for renewals",
              "Share lost-deal reasons with Product", "Run pricing objection workshop",
              "Dedupe CRM accounts"],
    "Product": ["Write spec for bulk export", "Triage top 10 support bugs",
                "Schedule customer interviews", "Ship onboarding checklist v2",
                "Publish roadmap update"],
    "Customer Support": ["Draft macros for billing questions", "Review churn-risk tickets",
                         "Update help center for new release", "Set up weekend on-call rota",
                         "Tag tickets by feature"],
    "IT": ["Rotate VPN certificates", "Roll out SSO to the sales tools",
           "Patch the CRM integration server", "Audit laptop encryption",
           "Set up status page alerts"],
}
ROADBLOCKS = [
    ("CRM duplicates break lead routing", "Sales", ["Marketing", "IT"]),
    ("No budget approved for Q1 events", "Marketing", ["Sales"]),
    ("Release blocked by SSO bug", "Product", ["IT", "Customer Support"]),
    ("Support backlog after pricing change", "Customer Support", ["Sales", "Product"]),
    ("Analytics dashboard down since migration", "IT", ["Marketing", "Product"]),
    ("Unclear owner for partner leads", "Sales", ["Marketing"]),
]
WINS = ["Closed two renewals early", "Launched the spring newsletter", "Zero P1 incidents",
        "Beta customers love the new onboarding", "CSAT up three points"]
NEEDS = ["Faster answers on pricing exceptions", "A product demo for the webinar",
         "Two more beta customers", "Help testing SSO", "Clear copy for the release notes"]


def _value(rng: random.Random, metric: MetricDef) -> float:
    """A plausible reading near the target: percentages stay <= 100, counts are whole."""
    target, unit = metric.target, metric.unit
    if target == 0:
        return float(rng.choice([0, 0, 0, 1, 2]))
    if unit == "%":
        room = min(8.0, 100 - target) if target > 80 else target * 0.2
        spread = max(room, 0.3)
        return round(min(100.0, target + rng.uniform(-spread, spread * 0.8)), 1)
    value = target * (1 + rng.uniform(-0.2, 0.2))
    if unit in ("hours", "days"):
        return round(value, 1)
    return float(round(value))


def seed_history(store: Store, agenda: Agenda, *, weeks: int, today: date,
                 seed: int = 7) -> list[Meeting]:
    """Write ``weeks`` ended weekly meetings, the latest one a week before ``today``."""
    rng = random.Random(seed)
    people = {d.name: d.representative or d.name for d in agenda.departments}
    depts = list(people)
    meetings = []
    for week in range(weeks):
        day = today - timedelta(weeks=weeks - week)
        start = datetime.combine(day, time(9, 0))
        m = start_meeting(store, agenda, now=start, facilitator="Alex Morgan", on=day)
        for a in m.attendance:
            a.present = rng.random() < 0.88
            a.note = "" if a.present else rng.choice(["on leave", "at a customer", ""])
        for r in m.readings:
            metric = agenda.metric(r.metric)
            if metric is not None:
                r.value = _value(rng, metric)
                if not metric.on_track(r.value):
                    r.comment = rng.choice(["seasonal dip", "new process ramping up",
                                            "one-off: outage", ""])
        _review_actions(store, m, rng, day)
        _work_roadblocks(m, rng, people)
        for u in m.updates:
            u.wins, u.needs = rng.choice(WINS), rng.choice(NEEDS)
            u.progress = f"{rng.randint(2, 6)} of {rng.randint(6, 9)} quarterly goals on track"
        if rng.random() < 0.6:
            m.decisions.append(Decision(rng.choice([
                "Move the product launch webinar by one week",
                "Sales owns partner leads from now on",
                "Freeze CRM field changes until the dedupe ships"]), owner=rng.choice(depts)))
        for _ in range(rng.randint(3, 5)):
            dept = rng.choice(depts)
            new_action(store, title=rng.choice(ACTION_TITLES.get(dept, ["Follow up"])),
                       owner=people[dept], department=dept, meeting=m, today=day,
                       due=day + timedelta(days=rng.choice([4, 7, 7, 11, 14, 21])))
        m.ratings = {"room": rng.randint(6, 9)}
        m.summary = "Good progress; watch the support backlog."
        m.elapsed_seconds = [s.timebox_minutes * 60 * rng.uniform(0.7, 1.4)
                             for s in agenda.sections]
        m.current_section = len(agenda.sections) - 1
        end_meeting(store, m, now=start + timedelta(minutes=agenda.duration_minutes + 4))
        store.forget_meeting_db(m.id)
        meetings.append(m)
    return meetings


def _review_actions(store: Store, m: Meeting, rng: random.Random, day: date) -> None:
    changed = []
    for item_id in m.carried_action_ids:
        item = store.action(item_id)
        roll = rng.random()
        if item.due > day or roll > 0.85:
            continue  # not due yet, or not discussed (owner away): stays open
        if roll < 0.45:
            item.mark_done(day, m.id)
        elif roll < 0.5:
            item.drop(day, m.id)
        elif roll < 0.65:
            item.redate(item.due + timedelta(weeks=1), day, m.id)
        else:
            continue
        changed.append(item)
    for item in changed:
        store.save_action(item)


def _work_roadblocks(m: Meeting, rng: random.Random, people: dict[str, str]) -> None:
    for rb in m.roadblocks:
        roll = rng.random()
        if roll < 0.45:
            rb.status, rb.resolution = "resolved", "Agreed a fix; owner confirmed it is done"
        elif roll < 0.5:
            rb.status, rb.resolution = "escalated", "Needs a leadership decision"
    for _ in range(rng.choice([0, 1, 1, 2])):
        title, raised_by, blocking = rng.choice(ROADBLOCKS)
        if any(r.title == title for r in m.roadblocks):
            continue
        owner = people.get(blocking[0], "")
        add_roadblock(m, title, raised_by=raised_by, blocking=blocking, owner=owner)


# ---------------------------------------------------------------- seeding a folder safely
def _first_missing(path: Path) -> Path | None:
    """The outermost folder of ``path`` that does not exist yet (what we would create)."""
    missing = None
    for folder in (path, *path.parents):
        if folder.exists() or folder.is_symlink():
            break
        missing = folder
    return missing


def _refuse_unusable(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise CheckinError(f"{root}: is a file, not a folder; give the demo a new or empty "
                           "folder with --data DIR (or omit --data)")
    for parent in root.parents:
        if parent.exists() and not parent.is_dir():
            raise CheckinError(f"{root}: {parent} is a file, not a folder; give the demo a "
                               "new or empty folder with --data DIR")
    try:
        used = root.is_dir() and any(root.iterdir())
    except OSError as exc:
        raise CheckinError(f"{root}: cannot read the folder ({exc.strerror}); "
                           "choose another with --data DIR") from None
    if used:
        raise CheckinError(f"{root}: already holds data; the demo only seeds an empty or new "
                           "folder (omit --data to use a throwaway one)")


def seed_demo_folder(root: Path, agenda: Agenda, *, weeks: int, today: date) -> None:
    """Seed the demo into ``root`` (new or empty) all at once, or leave nothing behind.

    The history is written into a hidden temp folder beside ``root`` and renamed into place
    when complete; on any failure (full disk, a file in the way, no permission) the temp
    folder and any parent folders made for it are removed and one CheckinError names
    ``root``.
    """
    _refuse_unusable(root)
    created = _first_missing(root.parent)
    staging: Path | None = None
    try:
        root.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{root.name[:32]}.", suffix=".tmp",
                                        dir=root.parent))
        with Store(staging) as store:
            seed_history(store, agenda, weeks=weeks, today=today)
        mode = stat.S_IMODE(root.stat().st_mode) if root.is_dir() else None
        os.rename(staging, root)  # onto a missing or empty folder: atomic
        if mode is not None:
            os.chmod(root, mode)  # a folder the user made keeps its mode
    except (OSError, CheckinError) as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if created is not None:
            shutil.rmtree(created, ignore_errors=True)
        reason = _reason(exc)
        raise CheckinError(f"{root}: cannot seed the demo ({reason}); free disk space or "
                           "choose another folder with --data DIR (nothing was created)"
                           ) from None


def _reason(exc: BaseException) -> str:
    cause = exc if isinstance(exc, OSError) else exc.__cause__
    if isinstance(cause, OSError):
        return cause.strerror or str(cause)
    return str(exc).split(";")[0]
