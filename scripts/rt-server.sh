#!/usr/bin/env bash
# A throwaway Request Tracker 5 on 127.0.0.1 for the live tests (test/live): its own config and SQLite database
# under .rt/ (nothing in /etc is touched), superuser root/password, REST2 at http://127.0.0.1:$RT_PORT/REST/2.0.
#
#   scripts/rt-server.sh start    start on a fresh database (no-op when already answering); waits for REST2
#   scripts/rt-server.sh stop     stop it
#   scripts/rt-server.sh status   exit 0 when REST2 answers
#
# Needs Debian's request-tracker5, rt5-db-sqlite and rt5-standalone (.ci/run installs them).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${RT_PORT:-8089}"
STATE="${RT_STATE_DIR:-$ROOT/.rt}"
LIBEXEC=/usr/share/request-tracker5/libexec
URL="http://127.0.0.1:$PORT/REST/2.0"
export RT_SITE_CONFIG="$STATE/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$STATE/conf.d"

answers() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' -u root:password "$URL/rt" 2>/dev/null)" = 200 ]
}

stop() {
  if [ -f "$STATE/server.pid" ]; then
    local pid
    pid="$(cat "$STATE/server.pid")"
    # The prefork server's workers are its children: stop the whole group.
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$STATE/server.pid"
  fi
}

start() {
  if answers; then echo "rt-server: already answering at $URL"; return 0; fi
  if [ ! -x "$LIBEXEC/rt-server" ]; then
    echo "rt-server: Request Tracker is not installed (apt-get install request-tracker5 rt5-db-sqlite rt5-standalone)" >&2
    return 1
  fi
  stop
  mkdir -p "$STATE/conf.d"
  cat > "$RT_SITE_CONFIG" <<CONFIG
Set(\$rtname, 'supportkit-test');
Set(\$Organization, 'supportkit.test');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$PORT');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$STATE/rtdb');
Set(\$Timezone, 'UTC');
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'error');
Set(\$MailCommand, 'testfile');
# Basic auth checks the password on every request: a cheap hash keeps a test server fast (never in production).
Set(\$BcryptCost, 4);
1;
CONFIG
  rm -f "$STATE/rtdb"
  rt-setup-database-5 --action init --skip-create > "$STATE/setup.log" 2>&1
  rt-setup-database-5 --action insert --datafile "$ROOT/scripts/rt-initialdata.pl" >> "$STATE/setup.log" 2>&1
  setsid "$LIBEXEC/rt-server" --port "$PORT" > "$STATE/server.log" 2>&1 < /dev/null &
  echo $! > "$STATE/server.pid"
  for _ in $(seq 1 180); do
    if answers; then echo "rt-server: REST2 answering at $URL"; return 0; fi
    if ! kill -0 "$(cat "$STATE/server.pid")" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "rt-server: did not answer at $URL; last lines of $STATE/server.log:" >&2
  tail -20 "$STATE/server.log" >&2
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
