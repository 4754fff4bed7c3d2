#!/usr/bin/env bash
# SIP container benchmark (issue 3): a SIPp ramp through a minimal B2BUA servlet, UDP, no media.
#
# The gateway runs in its own home (var/bench/sip-container) on its own ports with the product EAR plus the
# test application of the integration tests (org.opencg.it.sipapps.TestCallsServlet, user "b2b": a B2BUA that
# bridges to X-Target). SIPp calls it at rising rates for STEP_SECONDS each; the callee is a second SIPp.
# Each call: INVITE, 180, 200, ACK, 200 ms, BYE, 200 on both legs.
# Ends with: cps=<highest rate with 0 failed calls> failed=<n at that rate> p99_ms=<INVITE->200 p99> heap_mb=<used heap>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/sip-container
RATES=${RATES:-200 400 600 800 1000 1100 1200 1400 1600 1800 2000 2400}
STEP_SECONDS=${STEP_SECONDS:-10}
GW_PORT=45060 CALLEE_PORT=46070 CALLER_PORT=46060 MGMT=49990

export OPENCG_HOME=$HOME_DIR OPENCG_SKIP_BUILD=1 OPENCG_EAR=$HOME_DIR/opencg-bench.ear
export OPENCG_HTTP_PORT=48080 OPENCG_HTTPS_PORT=48443 OPENCG_MANAGEMENT_PORT=$MGMT OPENCG_RTPENGINE_NG_ADDRESS=127.0.0.1:42223
export OPENCG_RTPENGINE_PORT_RANGE=43000-43999 OPENCG_SIP_LISTENING_POINTS=operator OPENCG_OC_EMULATOR_PORT=48086
export OPENCG_SIP_LISTENING_POINT_OPERATOR=udp:127.0.0.1:$GW_PORT
# The EAR holds the SBC and the test application: the test application takes the calls; the SBC gets peers of its
# own so that ./opencg run starts no SIP emulators.
export OPENCG_SIP_LISTENING_POINT_OPERATOR_APPLICATION=test OPENCG_SBC_PEERS_TEAMS="sip=tls:127.0.0.1:45071"
export OPENCG_SBC_TRUNK_OPERATOR_PEERS="op1=udp:127.0.0.1:46090"

source "$ROOT/bench/lib/sipp-step.sh"
source "$ROOT/bench/lib/step-load.sh"
say() { printf '%s\n' "$*" >&2; }

# Build the product and the test application, and add the application to a copy of the EAR.
(cd "$ROOT" && mvn -B -q -DskipTests install && mvn -B -q -pl ear test-compile) >&2
mkdir -p "$HOME_DIR/ear"
rm -rf "$HOME_DIR/ear/"*
cp "$ROOT/ear/target/opencg.ear" "$OPENCG_EAR"
(cd "$HOME_DIR/ear" && jar xf "$OPENCG_EAR" sip-servlet-module.jar \
  && jar uf sip-servlet-module.jar -C "$ROOT/ear/target/test-classes" org/opencg/it/sipapps \
  && jar uf "$OPENCG_EAR" sip-servlet-module.jar)

"$ROOT/opencg" stop >/dev/null 2>&1 || true
"$ROOT/opencg" run >&2
trap '"$ROOT/opencg" stop >/dev/null 2>&1; kill $callee 2>/dev/null || true' EXIT

work=$HOME_DIR/sipp
rm -rf "$work" && mkdir -p "$work"
scenarios=$ROOT/ear/src/test/resources/sipp
(cd "$work" && exec sipp -sf "$scenarios/uas-call.xml" -i 127.0.0.1 -p $CALLEE_PORT -buff_size 4194304 -nostdin >"$work/callee.out" 2>&1) &
callee=$!
sleep 1

call() { # rate calls dir [extra sipp args]
  local rate=$1 calls=$2 dir=$3
  shift 3
  (cd "$dir" && sipp -sf "$scenarios/uac-call.xml" -i 127.0.0.1 -p $CALLER_PORT -s b2b -d 200 -buff_size 4194304 \
     -key target "sip:callee@127.0.0.1:$CALLEE_PORT" -r "$rate" -m "$calls" -l $((rate * 2)) -nostdin "$@" \
     127.0.0.1:$GW_PORT >sipp.out 2>&1)
}

source "$ROOT/bench/lib/sipp-warmup.sh"
sipp_warm_up "$work"
gateway=$(cat "$HOME_DIR/run/wildfly.pid")

best=0 best_p99=0 best_failed=0
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
done

heap=$(curl -s "http://127.0.0.1:$MGMT/metrics" \
  | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { printf "%.0f", sum / 1048576 }')
echo "cps=$best failed=$best_failed p99_ms=$best_p99 heap_mb=$heap"
