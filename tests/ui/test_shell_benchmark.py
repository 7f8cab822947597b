"""The shell's responsiveness benchmark still runs (``--quick`` scale; no timings asserted):
it opens the competition, uses every screen and reports the longest GUI-thread block against its
limit."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_gui_benchmark_runs_and_shows_every_offer(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.bench_gui_offers import main

    monkeypatch.setenv("KOMISJA_HOME", str(tmp_path))  # the benchmark points it elsewhere
    assert main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "offers: 200, rows shown: 200" in out
    assert "longest GUI-thread block while opening" in out
    for screen in ("formal", "committee", "scoring", "results", "protocol", "audit"):
        assert f"showing {screen}: longest block" in out
    assert "scrolling the scoring grid" in out and "scrolling the ranking" in out
    assert "the limit of 100 ms" in out
