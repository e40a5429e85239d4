"""The `checkin` command: argparse entry point.

Imports no Textual unless a sub-command opens a screen, so `checkin actions` and friends
start fast. Errors the user can fix print one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial

from checkin import __version__
from checkin.errors import CheckinError

ACTION_FORMATS = ("table", "md", "csv", "json", "ics", "taskwarrior")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkin",
        description="Run a recurring cross-functional check-in meeting from the keyboard.",
    )
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    parser.add_argument("--data", metavar="DIR",
                        help="data folder (default: $CHECKIN_DATA or the user data dir)")
    parser.add_argument("--dayfirst", action="store_true",
                        help="read 4/12 as 4 December (default: month first)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # The global options work after the sub-command too (`checkin demo --data DIR`);
    # SUPPRESS keeps a sub-command's absent option from hiding the one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                        help="data folder (default: $CHECKIN_DATA or the user data dir)")
    common.add_argument("--dayfirst", action="store_true", default=argparse.SUPPRESS,
                        help="read 4/12 as 4 December (default: month first)")
    add = partial(sub.add_parser, parents=[common])

    run = add("run", help="start or resume the meeting of an agenda")
    run.add_argument("agenda", nargs="?", help="agenda id or .toml file (default: weekly)")
    run.add_argument("--facilitator", default="", help="your name, shown in the minutes")

    demo = add("demo", help="seed three months of demo history and open the app")
    demo.add_argument("--no-ui", action="store_true", help="seed, print the folder, exit")
    demo.add_argument("--weeks", type=int, default=13, help=argparse.SUPPRESS)

    actions = add("actions", help="list action items across meetings")
    actions.add_argument("--owner")
    actions.add_argument("--department")
    actions.add_argument("--overdue", action="store_true", help="only open items past due")
    actions.add_argument("--status", choices=("open", "done", "dropped", "all"), default="open")
    actions.add_argument("--agenda", help="only items of this agenda")
    actions.add_argument("--by-owner", action="store_true", help="one section per owner")
    actions.add_argument("--format", choices=ACTION_FORMATS, default="table")

    meetings = add("meetings", help="list meetings, newest first")
    meetings.add_argument("--agenda", help="only meetings of this agenda")

    export = add("export", help="write a meeting's minutes")
    export.add_argument("meeting", help="meeting id, date (YYYY-MM-DD) or `last`")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.add_argument("--format", choices=("md", "html"), default="md")

    agendas = add("agendas", help="list agenda templates, or check one")
    agendas.add_argument("--check", metavar="FILE", help="validate one agenda file")

    trends = add("trends", help="metric readings across an agenda's meetings")
    trends.add_argument("agenda", help="agenda id")
    trends.add_argument("--format", choices=("table", "md", "csv"), default="table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "home"
    try:
        from checkin import commands

        return commands.run(command, args)
    except CheckinError as exc:
        print(f"checkin: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `checkin actions | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
