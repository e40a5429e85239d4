"""Sub-commands of `checkin`, one module each, imported only when used.

A command module has ``configure(parser)`` (its arguments) and ``run(args) -> int``.
Adding a command is one module and one row here.
"""

from __future__ import annotations

import argparse
import importlib
from types import ModuleType

# name -> (module in checkin.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("run", "start or resume the meeting of an agenda"),
    "demo": ("demo", "seed three months of demo history and open the app"),
    "actions": ("actions", "list action items across meetings"),
    "meetings": ("meetings", "list meetings, newest first"),
    "export": ("export", "write a meeting's minutes"),
    "agendas": ("agendas", "list agenda templates, or check one"),
    "trends": ("trends", "metric readings across an agenda's meetings"),
    "discard": ("discard", "undo a meeting started by mistake (asks unless --yes)"),
    "remind": ("remind", "per owner, open action items due soon or overdue"),
    "completion": ("completion", "print a bash or zsh completion script"),
    "add": ("add", 'add an action item from a quick-add line ("@owner #dept title due:fri")'),
    "done": ("done", "mark action items done"),
    "drop": ("drop", "drop action items"),
    "redate": ("redate", "move an action item's due date"),
    "reassign": ("reassign", "give an action item to someone else"),
    "prep": ("prep", "write one fill-in form per department for the next meeting"),
    "collect": ("collect", "take filled-in prep forms (or readings.csv) into the next meeting"),
    "sync": ("sync", "commit, pull and push a data dir that is a git working tree"),
    "merge-driver": ("merge_driver", "git's merge driver for checkin files (set up by sync)"),
}

# Commands that machines call (git's merge driver): parsed, but not listed in --help.
HIDDEN = frozenset({"merge-driver"})


def command_module(name: str) -> ModuleType:
    module = "ui" if name == "home" else COMMANDS[name][0]
    return importlib.import_module(f"checkin.commands.{module}")


def dispatch(command: str, args: argparse.Namespace) -> int:
    return command_module(command).run(args)
