#!/usr/bin/env bash
# SBC benchmark (issue 5): a SIPp ramp through the product's B2BUA with full signalling interworking.
#
# The gateway and the Teams proxy are set up by bench/b2bua/gateway.sh: the product EAR in var/bench/b2bua on its
# own ports, SIPp as the operator's SBC over UDP calling an unprovisioned number, a second SIPp behind socat's TLS as
# Teams. No media unless MEDIA=anchor (offers and answers through rtpengine, still no RTP: the cost bench media does
# not see), as issue 5 measures the signalling B2BUA.
# Each call: INVITE, 100, 180, 183, 200, ACK on both legs, 1.5 s, BYE, 200. One call record per call.
# Each step's line on stderr also says where the time went (bench/lib/step-load.sh): the gateway's CPU, the machine's,
# and the share of the step the JVM spent stopped for garbage collection.
# Ends with: cps=<highest rate with 0 failed calls> failed=<n at that rate> p99_ms=<INVITE->200 p99 at that rate>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/b2bua
RATES=${RATES:-200 400 600 800 1000 1100 1200 1400}
STEP_SECONDS=${STEP_SECONDS:-10}
source "$ROOT/bench/b2bua/gateway.sh"

source "$ROOT/bench/lib/sipp-warmup.sh"
sipp_warm_up "$work"

best=0 best_p99=0 best_failed=0
gateway=$(cat "$HOME_DIR/run/wildfly.pid")
for rate in $RATES; do
  calls=$((rate * STEP_SECONDS))
  step=$work/rate-$rate
  mkdir -p "$step"
  step_load_start "$gateway"
  set +e
  call "$rate" "$calls" "$step" -timeout $((STEP_SECONDS + 30))s -trace_rtt -rtt_freq 1 -trace_stat -fd 1
  set -e
  load=$(step_load_end "$gateway" "$HOME_DIR/log/gc.log")
  read -r successful failed p99 answered < <(sipp_step_result "$step" "$calls")
  say "rate=$rate calls=$calls successful=$successful answered=$answered failed=$failed p99_ms=$p99 $load"
  if [ "$failed" -eq 0 ] && [ "$successful" -eq "$calls" ] && [ "$answered" -eq "$calls" ]; then
    best=$rate best_p99=$p99 best_failed=$failed
  else
    break
  fi
  sleep 3
done
echo "cps=$best failed=$best_failed p99_ms=$best_p99"
