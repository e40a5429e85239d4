"""`checkin completion bash|zsh`: a shell completion script generated from the real parser.

`shtab <https://github.com/iterative/shtab>`_ turns ``build_parser(full=True)`` into the
script, so every command and option is completed as the parser defines it, with nothing
kept by hand. Agenda names and meeting ids are dynamic: the script calls the hidden
``checkin completion --list agendas|meetings`` (which prints one per line, and nothing at
all on any problem) when the word to complete is one of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from checkin.commands.common import data_dir, out

SHELLS = ("bash", "zsh")
DYNAMIC = {"agenda": "agendas", "meeting": "meetings"}  # argument dest -> what --list prints

_PREAMBLE = {
    "bash": """
_checkin_list() {
  local data=() i
  for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
    [[ ${COMP_WORDS[i]} == --data ]] && data=(--data "${COMP_WORDS[i+1]}")
  done
  compgen -W "$(checkin "${data[@]}" completion --list "$1" 2>/dev/null)" -- "$2"
}
_checkin_agendas() { _checkin_list agendas "$1"; }
_checkin_meetings() { _checkin_list meetings "$1"; }
""",
    "zsh": """
_checkin_list() {
  # the whole line: inside a sub-command, $words no longer holds a --data given before it
  local -a names data line=(${(z)BUFFER})
  local i=${line[(i)--data]}
  (( i < ${#line} )) && data=(--data "${(Q)line[i+1]}")
  names=(${(f)"$(checkin $data completion --list $1 2>/dev/null)"})
  compadd -a names
}
_checkin_agendas() { _checkin_list agendas; }
_checkin_meetings() { _checkin_list meetings; }
""",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", nargs="?", choices=SHELLS, help="the shell to complete for")
    parser.add_argument("--list", choices=tuple(DYNAMIC.values()), help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.list:
        out("".join(f"{name}\n" for name in _names(args, args.list)))
        return 0
    if not args.shell:
        from checkin.errors import CheckinError

        raise CheckinError("completion: name the shell, e.g. `checkin completion bash` "
                           "(bash or zsh)")
    out(script(args.shell))
    return 0


def script(shell: str) -> str:
    """The completion script for ``shell`` from the full parser."""
    import shtab

    from checkin.cli import build_parser

    parser = build_parser(full=True)
    for action in _actions(parser):
        kind = DYNAMIC.get(action.dest)
        if kind:
            action.complete = {s: f"_checkin_{kind}" for s in SHELLS}  # type: ignore[attr-defined]
        elif action.dest in ("output", "data", "check") or action.metavar == "FILE":
            action.complete = shtab.DIRECTORY if action.metavar == "DIR" else shtab.FILE  # type: ignore[attr-defined]
    return shtab.complete(parser, shell, preamble=_PREAMBLE[shell])


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _actions(child)


def _names(args: argparse.Namespace, kind: str) -> list[str]:
    """Agenda ids or meeting ids (newest first, then ``last``); empty on any problem, as
    a completion must never print an error into the command line being typed."""
    try:
        root = data_dir(args)
        if kind == "agendas":
            from checkin.services.agendas import agenda_dirs, list_agendas

            return [info.id for info in list_agendas(agenda_dirs(root))]
        if not root.is_dir():
            return []
        from checkin.store import Store

        with Store(root, readonly=True) as store:
            return [m.id for m in store.meetings()] + ["last"]
    except Exception:  # noqa: BLE001 - see the docstring
        return []
