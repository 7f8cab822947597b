"""Letting go of a large result piece by piece.

The results of a large competition are some hundred thousand small objects (each offer's
criteria, their explanations, the maps behind them).  When the last reference to them goes,
reference counting frees the whole tree in one pass of C code — about 50 ms at 2,000 offers
× 15 criteria — and the interpreter lock is held throughout, whichever thread let go: a read
on a worker that computed the results only to look at the ties stopped the GUI thread for as
long.  ``release_gradually`` takes the tree apart a few levels deep and drops the pieces one at
a time, so other threads get the lock between them; what it frees is exactly what plain
reference counting would have freed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
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
