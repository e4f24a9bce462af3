#!/usr/bin/env bash
# The system programs the storage and scale-out tests start privately (tests/pg.py, tests/test_scale.py):
# PostgreSQL (initdb, pg_ctl under /usr/lib/postgresql/*/bin, run as the `postgres` user) and
# redis-server. Installed with apt only when missing (CI: a clean Debian machine, as root); silent
# when everything is there. The tests never use the system's own clusters or services.
set -euo pipefail
have_pg() { compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null && id -u postgres >/dev/null 2>&1; }
have_redis() { command -v redis-server >/dev/null 2>&1; }
have_runuser() { [ "$(id -u)" -ne 0 ] || command -v runuser >/dev/null 2>&1; }
if have_pg && have_redis && have_runuser; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: PostgreSQL or redis-server is missing; install them (Debian, as root:" \
    "apt-get install -y postgresql redis-server)" >&2
  exit 1
fi
echo "test-deps: installing postgresql and redis-server with apt-get"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q --no-install-recommends postgresql redis-server util-linux; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
if ! { have_pg && have_redis; }; then
  echo "test-deps: apt-get did not provide /usr/lib/postgresql/*/bin/pg_ctl and redis-server" >&2
  exit 1
fi
