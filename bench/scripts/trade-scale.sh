#!/usr/bin/env bash
# Scale run of issue 14: N reported orders of one platform, imported through the platform's reporting (the same
# checks and writes as the API), then brushing monitoring over them, end to end on a fresh data directory, with the
# wall time and the largest resident memory of each step.
#   bench/scripts/trade-scale.sh [--orders 10000000] [--work /tmp/trade-scale] [--heap 8g]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ORDERS=10000000; WORK=/tmp/trade-scale; HEAP=8g
while [[ $# -gt 0 ]]; do
  case "$1" in
    --orders) ORDERS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --heap) HEAP=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
mkdir -p "$WORK"
if [[ ! -f "$WORK/market/orders.csv" ]]; then
  python3 "$ROOT/bench/scripts/trade-orders.py" --orders "$ORDERS" --out "$WORK/market"
fi
DATA="$WORK/data"
rm -rf "$DATA"
export WANGJIAN_JAVA_OPTS="-Xmx$HEAP -Dlogging.level.cn.wangjian.platform.trade=INFO -Dlogging.level.cn.wangjian.platform.brushing=INFO -Dwangjian.bootstrap.demo-market=false -Dwangjian.bootstrap.demo-trade=false -Dwangjian.bootstrap.demo-clues=false ${WANGJIAN_EXTRA_OPTS:-}"
# a first start creates the database and the initial accounts (bj.monitor is a monitoring officer)
WANGJIAN_PORT=18090 "$ROOT/wangjian" serve --data-dir "$DATA" >"$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -fsS http://127.0.0.1:18090/actuator/health/readiness >/dev/null 2>&1 && break; sleep 1; done
kill "$PID"; wait "$PID" 2>/dev/null || true
step() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, max resident %M KB" "$@" 2>&1 | grep -v '^\s*at ' | tail -3
}
step "import platforms" "$ROOT/wangjian" import platforms "$WORK/market/platforms.csv" --data-dir "$DATA"
step "import shops" "$ROOT/wangjian" import shops "$WORK/market/shops.csv" --data-dir "$DATA"
step "import orders" "$ROOT/wangjian" import orders "$WORK/market/orders.csv" --platform scale-mall --data-dir "$DATA"
TO=$(tail -1 "$WORK/market/orders.csv" >/dev/null; python3 -c "import datetime;print(datetime.date(2026,11,30))")
FROM=$(python3 -c "import datetime;print(datetime.date(2026,11,30)-datetime.timedelta(days=60))")
step "brushing run" "$ROOT/wangjian" brushing-run --platform scale-mall --from "$FROM" --to "$TO" --as bj.monitor --data-dir "$DATA"
