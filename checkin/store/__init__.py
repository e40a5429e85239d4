"""Persistence on TinyDB: atomic files, one lock, schema versions, queries. No Textual."""

from checkin.core.model import MeetingSummary
from checkin.store.store import Store

__all__ = ["MeetingSummary", "Store"]
