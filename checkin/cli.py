"""The `checkin` command: argparse entry point.

Only the sub-command asked for is built and imported (see :mod:`checkin.commands`), and no
Textual unless it opens a screen, so `checkin actions` and friends start fast. Errors the
user can fix print one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from checkin import __version__
from checkin.errors import CheckinError
from checkin.render.terminal import safe

DATA_HELP = "data folder (default: $CHECKIN_DATA or the user data dir)"
DAYFIRST_HELP = "read 4/12 as 4 December (default: the config file, else month first)"


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it, without importing
    shutil (bz2, lzma, fnmatch: ~3 ms), which argparse does on every ``add_argument``."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _columns() - 2 if width is None else width)


class SafeParser(argparse.ArgumentParser):
    """argparse whose messages (which quote what was typed) never carry control characters."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _print_message(self, message: str, file: object = None) -> None:
        super()._print_message(safe(message), file)  # type: ignore[arg-type]


def _global_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument("--data", metavar="DIR", default=default, help=DATA_HELP)
    parser.add_argument("--dayfirst", action=argparse.BooleanOptionalAction, default=default,
                        help=DAYFIRST_HELP)


def chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (skipping global options), if any."""
    from checkin.commands import COMMANDS

    tokens = iter(argv)
    for token in tokens:
        if token == "--data":
            next(tokens, None)
        elif token in COMMANDS:
            return token
        elif not token.startswith("-"):
            return None
    return None


def build_parser(argv: Sequence[str] = (), *, full: bool = False) -> argparse.ArgumentParser:
    """The parser; only the sub-command in ``argv`` gets its options (all with ``full``)."""
    from checkin.commands import COMMANDS, HIDDEN, command_module

    parser = SafeParser(
        prog="checkin",
        description="Run a recurring cross-functional check-in meeting from the keyboard.",
    )
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # The global options work after the sub-command too (`checkin demo --data DIR`);
    # SUPPRESS keeps a sub-command's absent option from hiding the one given before it.
    common = SafeParser(add_help=False)
    _global_options(common, default=argparse.SUPPRESS)
    chosen = chosen_command(argv)
    for name, (_module, summary) in COMMANDS.items():
        # a command named: its parser alone parses the same (the others only list names)
        if (name in HIDDEN or (chosen and not full)) and name != chosen:
            continue
        child = sub.add_parser(name, parents=[common], help=summary, description=summary)
        if full or name == chosen:
            command_module(name).configure(child)
    return parser


def apply_config(args: argparse.Namespace) -> None:
    """Read the config file first (``args.config``); its values are the defaults that
    options given on the command line override."""
    from checkin.config import load_config

    config = args.config = load_config()
    if config.number_grouping != ",":
        from checkin.render.numbers import set_grouping

        set_grouping(config.number_grouping)
    if args.dayfirst is None:  # neither --dayfirst nor --no-dayfirst: the config's
        args.dayfirst = config.dayfirst
    if args.command in (None, "run") and not getattr(args, "facilitator", ""):
        args.facilitator = config.facilitator
    if args.command == "run" and not args.agenda and config.default_agenda:
        args.agenda = config.default_agenda


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    command = args.command or "home"
    try:
        from checkin import commands

        apply_config(args)
        return commands.dispatch(command, args)
    except CheckinError as exc:
        print(safe(f"checkin: error: {exc}").replace("\n", " "), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `checkin actions | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
