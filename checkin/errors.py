"""Errors the user can fix: shown as one line, exit code 2."""


class CheckinError(Exception):
    """A problem with the user's input or data; the message says what to do."""

    exit_code = 2


class AgendaError(CheckinError):
    """An agenda file is invalid; the message names file, line/field and the fix."""


class StoreError(CheckinError):
    """A data file cannot be used (corrupt, newer schema, locked, unwritable)."""


class LockedError(StoreError):
    """Another checkin process holds the data directory."""
