#!/usr/bin/env bash
# The system programs the storage, scale-out and browser tests start privately (tests/pg.py,
# tests/test_scale.py, tests/test_browser.py): PostgreSQL (initdb, pg_ctl under
# /usr/lib/postgresql/*/bin, run as the `postgres` user), redis-server, Chromium (/usr/bin/chromium,
# driven headless by Playwright) and a CJK font for it (fonts-noto-cjk). Installed with apt only
# when missing (CI: a clean Debian machine, as root); silent when everything is there. The tests
# never use the system's own clusters or services.
set -euo pipefail
have_pg() { compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null && id -u postgres >/dev/null 2>&1; }
have_redis() { command -v redis-server >/dev/null 2>&1; }
have_runuser() { [ "$(id -u)" -ne 0 ] || command -v runuser >/dev/null 2>&1; }
have_chromium() { [ -x /usr/bin/chromium ]; }
have_cjk_font() { compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null; }
missing=()
{ have_pg && have_redis && have_runuser; } || missing+=(postgresql redis-server util-linux)
{ have_chromium && have_cjk_font; } || missing+=(chromium fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: missing system packages; install them (Debian, as root:" \
    "apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "test-deps: installing ${missing[*]} with apt-get"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
if ! { have_pg && have_redis; }; then
  echo "test-deps: apt-get did not provide /usr/lib/postgresql/*/bin/pg_ctl and redis-server" >&2
  exit 1
fi
if ! { have_chromium && have_cjk_font; }; then
  echo "test-deps: apt-get did not provide /usr/bin/chromium and the Noto Sans CJK fonts" >&2
  exit 1
fi
