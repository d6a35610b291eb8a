#!/usr/bin/env bash
# Load figure of issue 13: 50 concurrent API clients with an API token on a typical authenticated API, for 60 s,
# while a browser user's pages are timed; then the same load with a session cookie, the cheapest credential, as the
# comparison measured in the same run. Starts its own platform on an empty data directory (demo data included).
#   bench/scripts/api-load.sh [--port 18080] [--seconds 60] [--connections 50] [--path /api/clues?limit=20]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT=18080; SECONDS_RUN=60; CONNECTIONS=50; API_PATH='/api/clues?limit=20'; PAGE_PATH='/clues'
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --path) API_PATH=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "installing wrk (Debian)…" >&2; apt-get install -y wrk >/dev/null; }
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

WANGJIAN_PORT=$PORT "$ROOT/wangjian" serve --data-dir "$WORK/data" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do
  curl -fsS "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$BASE/actuator/health/readiness" >/dev/null || { echo "platform did not start" >&2; tail -50 "$WORK/serve.log"; exit 1; }
read -r USER_NAME PASSWORD _ < <(grep -v '^#' "$WORK/data/initial-credentials.txt" | head -1)

# a browser-like login: the login page's CSRF token, the form, the session cookie
login() {
  local jar=$1 csrf
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$USER_NAME" \
       --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
}
login "$WORK/admin.jar"
CSRF=$(curl -fsS -b "$WORK/admin.jar" "$BASE/identity/tokens" | grep -o 'name="_csrf" content="[^"]*"' | head -1 | sed 's/.*content="//; s/"$//')
AREA=$(echo "$API_PATH" | sed -E 's#^/api/([a-z-]+).*#\1#' | tr 'a-z-' 'A-Z_')
TOKEN=$(curl -fsS -b "$WORK/admin.jar" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"name\":\"load test\",\"roles\":[\"ADMIN\"],\"areas\":[\"$AREA\"],\"days\":1}" "$BASE/api/identity/tokens" | jq -r .token)
[[ "$TOKEN" == wjt_* ]] || { echo "no token issued" >&2; exit 1; }
SESSION=$(awk '$6 == "SESSION" {print $7}' "$WORK/admin.jar")

# the browser user: a second session, one page view every half second while the load runs
login "$WORK/browser.jar"
browse() {
  local out=$1 end=$((SECONDS + SECONDS_RUN))
  : >"$out"
  while (( SECONDS < end )); do
    curl -s -o /dev/null -b "$WORK/browser.jar" -w '%{http_code} %{time_total}\n' "$BASE$PAGE_PATH" >>"$out"
    sleep 0.5
  done
}
summary() { # "status seconds" lines → views, p50, p99, max in ms, and how many were not 200
  awk '{ print $2 * 1000 }' "$1" | sort -n | awk '
    { t[NR] = $1 }
    END { n = NR; if (n == 0) { printf "no views"; exit }
          p50 = int(n * 0.50) + 1; p99 = int(n * 0.99) + 1; if (p99 > n) p99 = n
          printf "%d views, p50 %.0f ms, p99 %.0f ms, max %.0f ms", n, t[p50], t[p99], t[n] }'
  awk '$1 != 200 { bad++ } END { printf ", %d not 200\n", bad + 0 }' "$1"
}

# warm-up (30 s, so that the JIT has compiled the hot paths), then the measured runs
wrk -t1 -c"$CONNECTIONS" -d30s -H "Authorization: Bearer $TOKEN" "$BASE$API_PATH" >/dev/null
run() {
  local label=$1 header=$2
  echo "== $label: $CONNECTIONS connections, ${SECONDS_RUN}s, GET $API_PATH"
  browse "$WORK/pages-$label.txt" &
  local browser=$!
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -H "$header" "$BASE$API_PATH" | tee "$WORK/wrk-$label.txt"
  wait "$browser"
  echo "browser user during the run ($PAGE_PATH): $(summary "$WORK/pages-$label.txt")"
}
run token "Authorization: Bearer $TOKEN"
run session "Cookie: SESSION=$SESSION"
echo "== an API client of the token's response (sanity): $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$API_PATH")"
