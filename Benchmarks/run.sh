#!/usr/bin/env bash
# Measures ButlerGate beside the peer proxies of ../shared/bench in one run: throughput and latency
# of a stop on one server (wrk, over TLS and plain HTTP), plus the gateway's resident memory at idle
# and at its peak under that load. Loopback only; everything started here is stopped on exit.
#   Benchmarks/run.sh                 # nginx as the peer
#   PEERS="nginx haproxy caddy" Benchmarks/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
port=${GATEWAY_PORT:-18490}
scheme=${SCHEME:-tls}
[ -x "$bench/run-peers.sh" ] || { echo "no peer bench at $bench (set BENCH_DIR)" >&2; exit 1; }
for tool in nginx wrk curl openssl; do
    command -v "$tool" >/dev/null || { echo "install $tool first: apt-get install -y nginx wrk curl openssl" >&2; exit 1; }
done

cd "$root"
swift build -c release --product butlergate >&2
export BUTLERGATE=$root/.build/release/butlergate
memory_log=$(mktemp)
trap 'kill "$sampler" 2>/dev/null || true; rm -f "$memory_log"' EXIT

# Samples the gateway's VmRSS (kB) every 100 ms while the bench runs; the first sample is at idle.
(
    for _ in $(seq 3000); do
        pid=$(pgrep -f "butlergate serve" | head -n 1 || true)
        [ -n "$pid" ] && awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null >>"$memory_log"
        sleep 0.1
    done
) &
sampler=$!

url_scheme=https
[ "$scheme" = tls ] || url_scheme=http
PEERS=${PEERS:-nginx} GATEWAY_URL=$url_scheme://127.0.0.1:$port \
    GATEWAY_CMD="$bench/butlergate-launch.sh $port $scheme" "$bench/run-peers.sh"

kill "$sampler" 2>/dev/null || true
if [ -s "$memory_log" ]; then
    idle=$(head -n 1 "$memory_log")
    peak=$(sort -n "$memory_log" | tail -n 1)
    echo "gateway RSS: idle $((idle / 1024)) MiB, peak under load $((peak / 1024)) MiB"
fi
