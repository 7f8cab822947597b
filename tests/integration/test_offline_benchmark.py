"""The offline benchmark still runs end to end (at its small ``--quick`` scale; no timings)."""

from __future__ import annotations

import pytest

from benchmarks import bench_offline


def test_offline_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_offline.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "generate 3 cards" in out and "import   3 cards" in out and "720 scores" in out
