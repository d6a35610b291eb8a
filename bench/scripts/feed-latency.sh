#!/usr/bin/env bash
# End-to-end latency of the listing feed (issue 19): a listing published on the listings topic -> scanned by the
# stream job -> its result taken into the platform's findings. Starts `./wangjian stream` (in-JVM Kafka and Flink)
# and `./wangjian serve --stream` on empty data directories, publishes the demo market's listings (new ids) at a
# steady rate, and prints the platform's own measurement (its log: p50 / p99 / max per ten seconds).
#   bench/scripts/feed-latency.sh [--rate 500] [--seconds 60] [--kafka-port 19092] [--port 18080]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RATE=500; SECONDS_RUN=60; KAFKA_PORT=19092; PORT=18080
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rate) RATE=$2; shift 2 ;;
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --kafka-port) KAFKA_PORT=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
[[ -f "$ROOT/bench/target/benchmarks.jar" ]] || (cd "$ROOT" && mvn -B -q -DskipTests -pl bench -am package)

"$ROOT/wangjian" stream --data-dir "$WORK/stream" --kafka-port "$KAFKA_PORT" >"$WORK/stream.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do grep -q "数据流作业运行中" "$WORK/stream.log" && break; sleep 1; done
grep -q "数据流作业运行中" "$WORK/stream.log" || { echo "stream did not start" >&2; tail -30 "$WORK/stream.log"; exit 1; }

# the platform joins without forwarding its registry at start, so only the published listings are measured
WANGJIAN_STREAM_FORWARD_ON_START=false "$ROOT/wangjian" serve --data-dir "$WORK/data" --port "$PORT" \
  --stream "localhost:$KAFKA_PORT" >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { echo "platform did not start" >&2; exit 1; }
sleep 10   # the job has the platform's rule version

java -cp "$ROOT/bench/target/benchmarks.jar" cn.wangjian.bench.stream.FeedThroughput publish "localhost:$KAFKA_PORT" \
  "$RATE" "$SECONDS_RUN"
sleep 15
echo "platform's measurement (listing published -> finding in the platform), per ten seconds:"
grep -o "数据流延迟.*" "$WORK/serve.log" || { echo "no latency lines" >&2; tail -40 "$WORK/serve.log"; exit 1; }
