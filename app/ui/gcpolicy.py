"""The cyclic garbage collector's policy for the desktop application.

A full (generation 2) collection walks every container object the process keeps: after
start-up some 140,000 of them (the modules of Qt, SQLAlchemy and the program, the window's
wrappers), and with a large competition on screen half a million more (a member's scoring card,
the results with every score behind them).  Walking them takes 100–500 ms, and the collector
holds the interpreter lock while it runs, whichever thread triggered it: a screen read on a
worker that allocates many rows stopped the GUI thread for as long.  Two measures, both opt-in
through ``tune_for_gui()`` (``app.ui.main`` calls it once the window is up):

* what is alive at start-up is moved to the permanent generation (``gc.freeze()``): it lives as
  long as the program, and later full collections walk only what was allocated since;
* each screen read on a worker runs under ``quiet_read()``: no cyclic collection while it
  allocates (it builds no reference cycles: reference counting frees whatever it drops), and
  what is alive when it ends — chiefly the rows it read, which the screen keeps — is frozen
  too, so no later collection walks them again.  Frozen objects are still freed by reference
  counting when the screen lets them go; only garbage cycles alive at that moment would wait
  (measured: the screen reads leave none; see ``benchmarks/bench_gui_offers.py``).

The interpreter lock is also handed over sooner (``sys.setswitchinterval``): a read running
on a worker thread keeps the lock until it is asked for and the switch interval has passed,
and the GUI thread asks for it again each time it returns from Qt into Python (every cell a
table paints calls ``data()``).  At Python's default of 5 ms a paint of a few hundred cells
next to a busy worker waited for the lock again and again; at 1 ms the GUI thread's wait for
the lock while a plain read runs (the benchmark's floor) fell from about 30 ms to 10–15 ms.

Without ``tune_for_gui()`` (tests, the command line) nothing changes.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)

_lock = threading.Lock()
_tuned = False
_reads = 0  # screen reads running now (they may overlap on different threads)
_was_enabled = True
GUI_SWITCH_INTERVAL = 0.001  # seconds (Python's default: 0.005)
_DEFAULT_SWITCH_INTERVAL = sys.getswitchinterval()


def tune_for_gui() -> None:
    """Collect the start-up garbage, freeze what is left, hand the interpreter lock to the GUI
    thread sooner and quiet the screen reads from now on (call once, when the window is up)."""
    global _tuned
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    _tuned = True
    log.debug("garbage collector: %d start-up objects frozen", gc.get_freeze_count())


def is_tuned() -> bool:
    return _tuned


@contextmanager
def quiet_read() -> Iterator[None]:
    """Around a screen read on a worker: no cyclic collection until the last overlapping read
    ends, then freeze what they left alive.  A plain pass-through until ``tune_for_gui()``."""
    global _reads, _was_enabled
    if not _tuned:
        yield
        return
    with _lock:
        if _reads == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _reads += 1
    try:
        yield
    finally:
        with _lock:
            _reads -= 1
            if _reads == 0:
                gc.freeze()  # no pass walks the rows the screen is about to keep
                if _was_enabled:
                    gc.enable()


def sweep_frozen() -> bool:
    """Collect everything, frozen objects included, then freeze again; False (and nothing
    done) while a screen read is running.

    Freezing keeps full collections short, but a garbage cycle that happened to be alive at a
    freeze (an edit's database objects not yet collected, a closed dialog) would otherwise
    wait until exit; over weeks in one window that adds up.  ``IdleSweeper`` calls this when
    the user has left the window alone for a while, so the pause it takes is not felt.
    """
    if not _tuned:
        return False
    with _lock:
        if _reads:
            return False
        gc.unfreeze()
        found = gc.collect()
        gc.freeze()
    log.debug("garbage collector: idle sweep freed %d objects", found)
    return True


def reset_for_tests() -> None:
    """Undo ``tune_for_gui()`` (the benchmark, tests of the policy)."""
    global _tuned
    with _lock:
        _tuned = False
    gc.unfreeze()
    sys.setswitchinterval(_DEFAULT_SWITCH_INTERVAL)
