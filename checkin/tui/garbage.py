"""Full garbage collections kept out of the frames the room waits for: one rule for the
app's start and the meeting screen's section changes.

Python runs a full collection every 10th gen-1 collection: while the room moved from
section to section, one landed in a new section's first frame (a 5-year history: worst
place 198 ms, 103 ms with full collections ten times rarer, ``GC_THRESHOLDS``). The full
collection is ``settle_garbage``, run once no key has come for ``IDLE_FOR_GC`` seconds;
a tenth of the automatic ones are kept, for screens that never settle.
"""

from __future__ import annotations

import gc
import time

GC_THRESHOLDS = (700, 10, 100)
IDLE_FOR_GC = 1.5  # seconds without a key before the full collection runs


def idle_for_gc(last_key: float) -> bool:
    """No key since ``last_key`` (``time.monotonic()``) for ``IDLE_FOR_GC`` seconds."""
    return time.monotonic() - last_key >= IDLE_FOR_GC


def settle_garbage() -> None:
    """Collect and freeze what is left: what start-up loaded, or what a section change
    left behind, stays out of later collections' scans (the worst keystroke-to-screen
    delays measured, 77-182 ms, were all gen-2 collections scanning a new editor's
    objects). Unfreezing first lets what was frozen before, and is gone since (the
    previous section's editor), be collected now."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
