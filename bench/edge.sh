#!/usr/bin/env bash
# Edge benchmark: wrk against the full edge (route + limits + metering + headers) and against
# plain nginx proxy_pass to the same upstream, in one run. Prints the throughput ratio and the
# p99 latency the edge adds. Targets: ratio >= 0.85, added p99 < 2 ms.
# Usage: bash bench/edge.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH=.
exec .venv/bin/python bench/edge.py "${1:-10}" "${2:-32}"
