"""Persistence on TinyDB: atomic files, one lock, schema versions, queries. No Textual."""

from checkin.store.store import MeetingSummary, Store

__all__ = ["MeetingSummary", "Store"]
