"""Bindings with an id and a tooltip, made one way for every screen and editor.

The id is ``<scope>.<action name>`` (``sort('due')`` -> ``sort_due``); ``by_key`` adds the
key, for an action bound to several keys. Help, the footer and the command palette read
the description and the tooltip, so neither may be left out.
"""

from __future__ import annotations

import re

from textual.binding import Binding


def binding_id(scope: str, action: str, key: str = "") -> str:
    """``("actions", "sort('due')")`` -> ``actions.sort_due``."""
    name = re.sub(r"[^\w]+", "_", action).strip("_")
    return f"{scope}.{name}_{key}" if key else f"{scope}.{name}"


def key(scope: str, keys: str, action: str, description: str, tooltip: str, *,
        show: bool = True, priority: bool = False, by_key: bool = False) -> Binding:
    return Binding(keys, action, description, show=show, priority=priority, tooltip=tooltip,
                   id=binding_id(scope, action.split("(")[0] if by_key else action,
                                 keys if by_key else ""))
