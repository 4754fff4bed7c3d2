#!/usr/bin/env bash
# ./opencg bench routing-snapshot: JMH sample-time benchmark of the routing snapshot look-up at 1M numbers.
# Ends with one line: p50_ns=<x> p99_ns=<y> p999_ns=<z> numbers=1000000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIR=$ROOT/bench/routing-snapshot
LOG=$ROOT/var/bench/routing-snapshot
mkdir -p "$LOG"
if ! ls ~/.m2/repository/org/opencg/opencg-core-api/0.1.0-SNAPSHOT/*.jar >/dev/null 2>&1; then
  (cd "$ROOT" && mvn -B -q -DskipTests install -pl ejb-core/api -am) >"$LOG/build.log" 2>&1
fi
(cd "$DIR" && mvn -B -q -DskipTests package) >"$LOG/build.log" 2>&1 || { tail -n 20 "$LOG/build.log"; exit 1; }
java -jar "$DIR/target/benchmarks.jar" -rf json -rff "$LOG/result.json" "$@" | tee "$LOG/jmh.log" | grep -E '^(Benchmark|RoutingSnapshot)' || true
python3 - "$LOG/result.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))[0]
p = result["primaryMetric"]["scorePercentiles"]
print("p50_ns=%d p99_ns=%d p999_ns=%d numbers=%s" % (p["50.0"], p["99.0"], p["99.9"], result["params"]["numbers"]))
PY
