"""Letting go of a large result piece by piece.

The results of a large competition are some hundred thousand small objects (each offer's
criteria, their explanations, the maps behind them).  When the last reference to them goes,
reference counting frees the whole tree in one pass of C code — about 50 ms at 2,000 offers
× 15 criteria — and the interpreter lock is held throughout, whichever thread let go: a read
on a worker that computed the results only to look at the ties stopped the GUI thread for as
long.  ``release_gradually`` takes the tree apart a few levels deep and drops the pieces one at
a time, so other threads get the lock between them; what it frees is exactly what plain
reference counting would have freed.

``no_cyclic_gc`` keeps the cyclic garbage collector out while such a tree is built.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_DEPTH = 3  # Results → offers → one offer's result → its criteria: each piece is small
_SLICE = 4_096  # items of a long list freed at a time
_STEP_WORK = 512  # objects taken apart or dropped (each with what it alone holds) per step


def release_gradually(box: list[Any], depth: int = _DEPTH) -> None:
    """Drop what ``box`` holds (the caller keeps no other reference), a piece at a time.

    The box is emptied.  Pieces someone else still references simply stay alive.
    """
    for _ in release_in_steps(box, depth):
        pass


def release_in_steps(box: list[Any], depth: int = _DEPTH) -> Iterator[None]:
    """``release_gradually`` as steps of a millisecond or two each (a generator), for a caller
    that interleaves them with other work — the GUI thread, between its events."""
    pending: list[tuple[Any, int]] = [(item, depth) for item in box]
    box.clear()
    work = 0  # objects handled since the last step ended
    while pending:
        item, level = pending.pop()
        parts = _parts(item) if level > 0 else []
        del item  # the shell goes; its parts are still held here and go after it
        work += 1 + len(parts)
        if level == 1:
            while len(parts) > _SLICE:  # the last level: a long list goes a slice at a time
                del parts[-_SLICE:]
                yield
            del parts
        elif parts:
            pending.extend((part, level - 1) for part in parts)
        if work >= _STEP_WORK:
            work = 0
            yield
    yield


def _parts(item: Any) -> list[Any]:
    if isinstance(item, (str, bytes, int, float)) or item is None:
        return []
    if isinstance(item, (list, tuple, set, frozenset)):
        return list(item)
    if isinstance(item, dict):
        return [*item.keys(), *item.values()]
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        parts = [getattr(item, field.name) for field in dataclasses.fields(item)]
        extra = getattr(item, "__dict__", None)  # cached properties, computed on first use
        if extra:
            parts.extend(extra.values())
        return parts
    return []


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Suspend the cyclic garbage collector while the results are built.

    A large competition allocates a few hundred thousand small containers (steps, parameter
    maps) that all survive until the end; each time enough of them pile up the collector
    traverses every tracked object of the process — the input's scores, and in the app the Qt
    and database objects as well — and that doubled the run time.  The engine builds no
    reference cycles, so reference counting frees all of it; the collector is switched back on
    (if it was on) when the computation ends, however it ends.  The results service uses it too
    while it reads a competition's scores and fingerprints the results.

    Switched back on, the collector's next young-generation pass would traverse everything
    built meanwhile (over a million objects for a large competition read from the database)
    only to find it alive; so the objects are handed straight to the oldest generation instead
    (``freeze`` then ``unfreeze`` moves them there without traversing them), where the
    collector's full passes still see them.  That is skipped when the program keeps objects
    frozen on purpose (``host_freezes``; the desktop application does), so as not to undo it.
    Parts of the results made when first read (``app.scoring.steps.Lazy``) are made under it
    too: made later, in small pieces, they would each count towards the collector's next full
    pass over the whole heap (two hundred milliseconds for a large competition's criterion
    results, against forty).  So it must stay cheap: it is entered once per offer read.
    (``gc.get_freeze_count()`` is not: it walks every frozen object, 15 ms in the application
    with a large competition open, and once per offer that made the results screen stop for
    seconds.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not _host_freezes:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


_host_freezes = False


def host_freezes(keeps_frozen: bool) -> None:
    """Say whether the program keeps objects in the collector's permanent generation on
    purpose (``app.ui.gcpolicy`` does), which ``no_cyclic_gc`` must then leave frozen."""
    global _host_freezes
    _host_freezes = keeps_frozen
