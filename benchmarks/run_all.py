"""Run every benchmark in this folder and print their ratios (``python3 tasks.py bench``).

Each ``bench_*.py`` has ``main(argv) -> int`` that measures Komisja against a plain baseline
in the same run and prints the ratios with the limit the issue states; it returns non-zero
when a ratio is over its limit.  ``--quick`` runs every benchmark at a small scale (used by
the test suite to keep the scripts working); without it the full scale of the issues is used
(2,000 offers × 9 members × 15 criteria).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover(only: list[str]) -> list[Path]:
    scripts = sorted(HERE.glob("bench_*.py"))
    if only:
        scripts = [s for s in scripts if any(name in s.stem for name in only)]
    return scripts


def run_one(script: Path, argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location(script.stem, script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.main(argv)
    return int(result or 0)


def main(argv: list[str]) -> int:
    flags = [a for a in argv if a.startswith("-")]
    only = [a for a in argv if not a.startswith("-")]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE.parent))
    failed: list[str] = []
    for script in discover(only):
        print(f"\n=== {script.stem} {' '.join(flags)}".rstrip(), flush=True)
        started = time.perf_counter()
        code = run_one(script, flags)
        print(
            f"--- {script.stem}: {'OK' if code == 0 else 'OVER LIMIT'} "
            f"({time.perf_counter() - started:.1f} s)",
            flush=True,
        )
        if code:
            failed.append(script.stem)
    if failed:
        print("\nOver the limit: " + ", ".join(failed))
        return 1
    print("\nAll benchmarks within their limits.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
