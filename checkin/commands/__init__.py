"""Sub-commands of `checkin`, one module each, imported only when used."""

from __future__ import annotations

import argparse
import importlib

MODULES = {
    "home": "ui", "run": "ui", "demo": "demo", "actions": "actions",
    "meetings": "meetings", "export": "export", "agendas": "agendas", "trends": "trends",
}


def run(command: str, args: argparse.Namespace) -> int:
    module = importlib.import_module(f"checkin.commands.{MODULES[command]}")
    return module.run(args)
