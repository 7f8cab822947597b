#!/usr/bin/env bash
# Build the frozen program with PyInstaller and smoke-test it; called by .ci/run.
#
#   packaging/ci-smoke.sh            # uses .venv/bin/python, or $PYTHON
#
# Fails (non-zero) when the build fails or any smoke check fails; poppler's pdffonts and
# pdftotext are required here (KOMISJA_REQUIRE_EXTERNAL=1), as in the rest of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
export KOMISJA_REQUIRE_EXTERNAL=1
started=$SECONDS
"$PYTHON" packaging/build.py
built=$SECONDS
"$PYTHON" packaging/smoke_test.py "$@"
echo "ci-smoke: build $((built - started)) s, smoke test $((SECONDS - built)) s"
