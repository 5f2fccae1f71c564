#!/usr/bin/env bash
# Edge benchmark: wrk against plain nginx proxy_pass, plain nginx with the edge's headers and an access log,
# the edge, and the edge with the WAF, in one run; prints each one's throughput ratio to plain proxy_pass,
# p99 and CPU per request. Targets: edge >= 0.80 of plain proxy_pass, added p99 < 2 ms.
# Usage: bash bench/edge.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH=.
exec .venv/bin/python bench/edge.py "${1:-10}" "${2:-32}"
