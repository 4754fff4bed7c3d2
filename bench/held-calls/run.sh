#!/usr/bin/env bash
# Heap per call in progress (issue 5): how much of the gateway's heap a call holds while it lasts, which is what
# bounds the calls one gateway can carry at once and what every young collection copies. The gateway and the Teams
# proxy are bench b2bua's (bench/b2bua/gateway.sh: the product EAR, SIPp as the operator's SBC over UDP, a second SIPp
# behind socat's TLS as Teams, no media). After a warm-up, SIPp sets up CALLS calls at RATE calls/s and holds them;
# the live heap (jcmd GC.class_histogram, which collects first) is read before, as soon as they are all up, 40 s later
# and after they have ended and the stack's timers have let go of them. The histograms stay in
# var/bench/held-calls/sipp/held/histogram-*.txt, to see what a call holds.
# Ends with: held=<calls up> heap_per_call_kb=<live heap added per call in progress, as soon as all are up: the
# latest calls' set-up still in the stack's timers> settled_per_call_kb=<the same 40 s later, when those timers
# (8-32 s) have run out for every call: what a call of minutes keeps> after_per_call_bytes=<left per call once
# all had ended: call records in H2's page cache, which is bounded, and anything that leaks; the heap varies by a few
# hundred KB between two readings, so a figure of a few bytes either side of 0 is nothing left>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/held-calls
CALLS=${CALLS:-5000}
RATE=${RATE:-250}
command -v jcmd >/dev/null \
  || { echo "bench held-calls reads the heap with jcmd, from a JDK: apt-get install openjdk-17-jdk-headless" >&2; exit 1; }
source "$ROOT/bench/b2bua/gateway.sh"

gateway=$(cat "$HOME_DIR/run/wildfly.pid")
live_heap() { # name: bytes of live objects, after the full collection jcmd makes for the histogram
  jcmd "$gateway" GC.class_histogram >"$work/held/histogram-$1.txt"
  awk '$1 == "Total" { print $3 }' "$work/held/histogram-$1.txt"
}
active_calls() {
  curl -s "http://127.0.0.1:$MGMT/metrics" | awk '/^opencg_sbc_active_calls/ { print int($2) }'
}
wait_for_active() { # wanted timeout_seconds
  for _ in $(seq 1 "$2"); do
    [ "$(active_calls)" = "$1" ] && return 0
    sleep 1
  done
  say "active calls stayed at $(active_calls), not $1"
  return 1
}

# Warm-up: the classes of the call path loaded and compiled, the pools and caches at their working size, so that the
# baseline holds what the held calls would otherwise be charged with.
say "warming up: 30 s at 300 calls/s"
mkdir -p "$work/warmup" "$work/held"
call 300 9000 "$work/warmup" || true
wait_for_active 0 60
sleep 40 # the stack's transaction and dialog timers (32 s) let go of the warm-up's calls
before=$(live_heap before)

# The caller hangs up after HOLD seconds instead of 1.5 s: long enough for all CALLS to be up at once, and for 40 s
# more with every call still up.
hold=$((CALLS / RATE + 75))
sed "s/timeout=\"1500\"/timeout=\"$((hold * 1000))\"/" "$ROOT/emulators/sip/operator-caller.xml" >"$work/held/caller.xml"
grep -q "timeout=\"$((hold * 1000))\"" "$work/held/caller.xml" \
  || { say "emulators/sip/operator-caller.xml no longer hangs up after timeout=\"1500\": update this bench"; exit 1; }
say "setting up $CALLS calls at $RATE/s, each held for $hold s"
caller_scenario=$work/held/caller.xml call "$RATE" "$CALLS" "$work/held" -l "$CALLS" -timeout $((hold + 60))s &
holder=$!
wait_for_active "$CALLS" $((CALLS / RATE + 30))
up=$(live_heap up)
held=$(active_calls)
say "all $held calls up; the heap read again in 40 s, then the calls end"
sleep 40
settled=$(live_heap settled)
[ "$(active_calls)" = "$held" ] || { say "calls ended before the settled reading"; exit 1; }
wait "$holder" || true
wait_for_active 0 60
sleep 40
after=$(live_heap after)
awk -v b="$before" -v u="$up" -v s="$settled" -v a="$after" -v n="$held" -v c="$CALLS" 'BEGIN {
  printf "held=%d heap_per_call_kb=%.1f settled_per_call_kb=%.1f after_per_call_bytes=%d\n",
    n, (u - b) / n / 1024, (s - b) / n / 1024, (a - b) / c }'
