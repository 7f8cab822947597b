#!/usr/bin/env bash
# Runs the integration and acceptance tests against a throw-away PostgreSQL server on loopback,
# proving that the same code runs where several people work at once.
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PGBIN" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

PGDATA=$(mktemp -d /tmp/komisja-pg.XXXXXX)
PORT=55432
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$PGDATA"
  RUN=(runuser -u postgres --)
fi
"${RUN[@]}" "$PGBIN/initdb" -D "$PGDATA" -A trust -U komisja -E UTF8 >/dev/null
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
trap '"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDATA"' EXIT
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U komisja komisja_test

export KOMISJA_TEST_DATABASE_URL="postgresql+psycopg://komisja@127.0.0.1:$PORT/komisja_test"
# tasks.py test installs the dev lock (psycopg comes with it) if .venv lacks it, then runs pytest.
python3 tasks.py test tests/integration tests/acceptance -q -p no:cacheprovider \
  -m "not sqlite_only" "$@"
