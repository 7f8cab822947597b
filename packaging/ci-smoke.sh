#!/usr/bin/env bash
# Build the frozen program with PyInstaller and smoke-test it; called by .ci/run.
#
#   packaging/ci-smoke.sh            # installs requirements/build-linux.txt into .venv (tasks.py build)
#   PYTHON=/path/python packaging/ci-smoke.sh   # a Python that already has Komisja and PyInstaller
#
# Fails (non-zero) when the build fails or any smoke check fails; poppler's pdffonts and
# pdftotext are required here (KOMISJA_REQUIRE_EXTERNAL=1), as in the rest of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export KOMISJA_REQUIRE_EXTERNAL=1
started=$SECONDS
if [ -n "${PYTHON:-}" ]; then
  "$PYTHON" packaging/build.py
else
  python3 tasks.py build
  PYTHON=.venv/bin/python
fi
built=$SECONDS
"$PYTHON" packaging/smoke_test.py "$@"
echo "ci-smoke: build $((built - started)) s, smoke test $((SECONDS - built)) s"
