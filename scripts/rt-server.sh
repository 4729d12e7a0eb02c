#!/usr/bin/env bash
# A throwaway Request Tracker 5 for the live tests (test/live): its own config and SQLite database under .rt/
# (nothing in /etc is touched), superuser root/password, REST2 at http://127.0.0.1:$RT_PORT/REST/2.0. It listens
# on 127.0.0.1 only: a well-known password must never be reachable from the network.
#
#   scripts/rt-server.sh start    start our server on a fresh database; a no-op when ours already answers; refuses
#                                 (exit 1) when something else holds the port
#   scripts/rt-server.sh stop     stop our server (never one this script did not start)
#   scripts/rt-server.sh status   exit 0 when our server answers on REST2
#
#   RT_PORT       the port (default 8089); the live tests read the same variable
#   RT_STATE_DIR  where the config, database, log, pid and port live (default .rt/); the live tests read it too
#   RT_INITIAL_DATA  an RT initial-data file loaded after RT's own (default: none — RT exactly as Debian ships it).
#                 The live tests' variant server loads scripts/rt-initialdata.pl (a Tags custom field, owner rights).
#
# "Ours" means: the pid recorded in $RT_STATE_DIR/server.pid is alive, is rt-server, was started for the port in
# $RT_STATE_DIR/server.port, and holds that port. A server another checkout (or anything else) runs on the same
# port is never reused, reported as ours, or stopped: the live tests need this state dir's database.
#
# Needs Debian's request-tracker5, rt5-db-sqlite and rt5-standalone (.ci/run installs them), and curl.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${RT_PORT:-8089}"
STATE="${RT_STATE_DIR:-$ROOT/.rt}"
HOST=127.0.0.1
LIBEXEC=/usr/share/request-tracker5/libexec
URL="http://$HOST:$PORT/REST/2.0"
export RT_SITE_CONFIG="$STATE/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$STATE/conf.d"

say() { echo "rt-server: $*"; }
fail() { echo "rt-server: $*" >&2; return 1; }

if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
  echo "rt-server: RT_PORT must be a port number 1..65535, not \"$PORT\"" >&2
  exit 2
fi

answers() {
  [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' -u root:password "$URL/rt" 2>/dev/null)" = 200 ]
}

# Whether anything accepts connections on the port (on 127.0.0.1, which a 0.0.0.0 listener also covers).
port_taken() {
  (exec 3<> "/dev/tcp/$HOST/$PORT") 2> /dev/null
}

# The pid we recorded, if that process is still an rt-server started by this script for this port.
our_pid() {
  local pid port
  [ -f "$STATE/server.pid" ] && [ -f "$STATE/server.port" ] || return 1
  pid="$(cat "$STATE/server.pid")"
  port="$(cat "$STATE/server.port")"
  [[ "$pid" =~ ^[0-9]+$ ]] && [ "$port" = "$PORT" ] || return 1
  kill -0 "$pid" 2> /dev/null || return 1
  # A recycled pid is not ours: the process must still be rt-server.
  tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q 'rt-server' || return 1
  echo "$pid"
}

# Whether our server is the one listening on the port. Starlet's prefork workers share the listening socket, so
# any process of our server's group counts. When ss is missing or cannot name owners, the pid file is trusted.
holds_port() {
  local pid="$1" listeners member
  command -v ss > /dev/null || return 0
  listeners="$(ss -Hltnp "sport = :$PORT" 2> /dev/null)" || return 0
  [ -n "$listeners" ] || return 1
  grep -q 'pid=' <<< "$listeners" || return 0
  for member in "$pid" $(pgrep -g "$pid" 2> /dev/null || true); do
    if grep -q "pid=$member," <<< "$listeners"; then return 0; fi
  done
  return 1
}

foreign() {
  local free="$PORT"
  for _ in $(seq 1 20); do
    free=$((free + 1))
    (exec 3<> "/dev/tcp/$HOST/$free") 2> /dev/null || break
  done
  fail "port $PORT on $HOST is held by a server this script did not start (no live server of ours in $STATE)." \
    "Stop that server, or choose another port with RT_PORT, for the server and the tests alike, e.g." \
    "RT_PORT=$free scripts/rt-server.sh start && RT_PORT=$free npm test"
}

stop() {
  local pid
  if pid="$(our_pid)"; then
    # The prefork server's workers are its children, in its own session and group: stop the whole group.
    kill -- "-$pid" 2> /dev/null || kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2> /dev/null; then kill -KILL -- "-$pid" 2> /dev/null || true; fi
    say "stopped our server (pid $pid, port $PORT, state $STATE)"
  elif [ -f "$STATE/server.pid" ]; then
    say "no server of ours is running in $STATE (removing a stale pid file; nothing was stopped)"
  else
    say "no server of ours is running in $STATE (nothing to stop)"
  fi
  rm -f "$STATE/server.pid" "$STATE/server.port"
}

start() {
  local pid
  if pid="$(our_pid)"; then
    if answers && holds_port "$pid"; then
      say "our server is already running (pid $pid, state $STATE): REST2 answering at $URL"
      return 0
    fi
    say "our server (pid $pid) is not answering at $URL: restarting it"
    stop
  else
    rm -f "$STATE/server.pid" "$STATE/server.port"
  fi
  if port_taken; then foreign; return 1; fi
  if [ ! -x "$LIBEXEC/rt-server" ]; then
    fail "Request Tracker is not installed (apt-get install request-tracker5 rt5-db-sqlite rt5-standalone)"
    return 1
  fi
  mkdir -p "$STATE/conf.d"
  cat > "$RT_SITE_CONFIG" << CONFIG
Set(\$rtname, 'supportkit-test');
Set(\$Organization, 'supportkit.test');
Set(\$WebDomain, '$HOST');
Set(\$WebPort, $PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://$HOST:$PORT');
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
  if [ -n "${RT_INITIAL_DATA:-}" ]; then
    rt-setup-database-5 --action insert --datafile "$RT_INITIAL_DATA" >> "$STATE/setup.log" 2>&1
  fi
  # --host: loopback only (Plack binds every interface without it), since root's password is "password".
  setsid "$LIBEXEC/rt-server" --host "$HOST" --port "$PORT" > "$STATE/server.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$STATE/server.pid"
  echo "$PORT" > "$STATE/server.port"
  for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2> /dev/null; then break; fi
    if answers; then
      if ! holds_port "$pid"; then
        stop
        foreign
        return 1
      fi
      say "started our server (pid $pid, state $STATE): REST2 answering at $URL"
      return 0
    fi
    sleep 0.5
  done
  fail "did not answer at $URL; last lines of $STATE/server.log:" || true
  tail -20 "$STATE/server.log" >&2
  stop > /dev/null
  return 1
}

status() {
  local pid
  if pid="$(our_pid)" && answers; then
    say "our server (pid $pid, state $STATE) answers at $URL"
    return 0
  fi
  if port_taken; then
    fail "port $PORT answers, but not with a server this script started for $STATE"
  else
    fail "not running (nothing answers on $HOST:$PORT)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
