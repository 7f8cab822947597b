"""The protocol benchmark still runs (at its small ``--quick`` scale; no timings asserted)."""

from __future__ import annotations

import pytest

from benchmarks import bench_protocol


def test_protocol_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_protocol.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "PDF:" in out and "Workbook:" in out and out.count("ratio") == 2
