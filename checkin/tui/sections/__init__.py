"""Section editors by agenda section kind."""

from __future__ import annotations

from importlib import import_module

from checkin.tui.sections.base import SectionEditor

# kind -> "module:Class" inside checkin.tui.sections; imported on first use.
EDITORS: dict[str, str] = {
    "attendance": "attendance:AttendanceEditor",
    "action-review": "action_review:ActionReviewEditor",
    "metrics": "metrics:MetricsEditor",
    "roadblocks": "roadblocks:RoadblocksEditor",
    "updates": "updates:UpdatesEditor",
    "actions": "actions:ActionsEditor",
    "notes": "notes:NotesEditor",
    "wrap-up": "wrapup:WrapUpEditor",
}


def editor_class(kind: str) -> type[SectionEditor]:
    module, cls = EDITORS[kind].split(":")
    return getattr(import_module(f"checkin.tui.sections.{module}"), cls)
