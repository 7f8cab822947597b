"""The results benchmarks still run (at their small ``--quick`` scale; no timings asserted)."""

from __future__ import annotations

import pytest

from benchmarks import bench_results_db, bench_scoring_engine


def test_engine_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_scoring_engine.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "compute_results" in out and "engine / baseline" in out


def test_results_from_the_database_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_results_db.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "SQL GROUP BY" in out and "ratio results / SQL GROUP BY" in out
