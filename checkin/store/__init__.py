"""Persistence: line-format data files, atomic writes, one lock, schema versions. No Textual.

``Store`` and ``MeetingSummary`` load when first asked for (PEP 562), so a module of this
package that needs neither (``store.quick``, for `checkin actions`) imports without them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from checkin.core.model import MeetingSummary
    from checkin.store.store import Store

__all__ = ["MeetingSummary", "Store"]


def __getattr__(name: str) -> object:
    if name == "Store":
        from checkin.store.store import Store

        return Store
    if name == "MeetingSummary":
        from checkin.core.model import MeetingSummary

        return MeetingSummary
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
