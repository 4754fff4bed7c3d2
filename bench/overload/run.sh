#!/usr/bin/env bash
# Overload benchmark (issue 25): twice bench b2bua's highest clean rate offered for DURATION s through the product's
# B2BUA with admission control at its limit, and emergency calls placed meanwhile from a Teams caller over TLS.
#
# The gateway and the Teams proxy come from bench/b2bua/gateway.sh (the product EAR on the bench ports, SIPp as the
# operator's SBC over UDP, SIPp behind socat's TLS as Teams). On top: opencg.sbc.max-calls at CLEAN_CPS x 1.5 s (the
# calls a clean rate holds at once), e911Type DirectToEsrp with a SIPp ESRP, and a SIPp Teams caller behind socat's
# TLS dialling 911 once a second. The operator caller's 503s must carry Retry-After (a 503 without one fails the call).
# After the same warm-up as bench b2bua. Ends with one line:
#   offered_cps= goodput_cps= goodput_pct= (of CLEAN_CPS) refused_503= failed= p99_ms= emergency=<answered>/<placed>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/overload
CLEAN_CPS=${CLEAN_CPS:-1400}
RATE=${RATE:-$((CLEAN_CPS * 2))}
DURATION=${DURATION:-60}
EMERGENCY=${EMERGENCY:-20}
export OPENCG_SBC_MAX_CALLS=${MAX_CALLS:-$((CLEAN_CPS * 3 / 2))}
export OPENCG_EMERGENCY_E911_TYPE=direct-to-esrp OPENCG_EMERGENCY_ESRP_PEERS="esrp1=udp:127.0.0.1:46090"
export OPENCG_SIP_LISTENING_POINT_TEAMS_CLIENT_NAMES=teams-emulator
source "$ROOT/bench/b2bua/gateway.sh"

# The caller counts a 503 as a refusal only with Retry-After (check_it fails the call without one).
sed -e 's|<recv response="503" optional="true" next="refused"/>|<recv response="503" optional="true" next="refused"><action><ereg regexp="Retry-After: *[0-9]+" search_in="msg" check_it="true" assign_to="retry"/></action></recv>|' \
    -e 's|</scenario>|<Reference variables="retry"/></scenario>|' \
  "$ROOT/emulators/sip/operator-caller.xml" >"$work/operator-caller-overload.xml"
sed -e 's|<recv response="200" rrs="true"/>|<recv response="200" rrs="true" rtd="true"/>|' \
  "$ROOT/emulators/sip/teams-caller.xml" >"$work/teams-caller-911.xml"

# The ESRP, and the Teams caller's TLS both ways (out through one socat, in-dialog requests back through another).
(cd "$work" && exec sipp -sf "$ROOT/emulators/sip/operator-callee.xml" -i 127.0.0.1 -p 46090 -nostdin \
   >"$work/esrp.out" 2>&1) &
esrp=$!
socat "TCP-LISTEN:46081,bind=127.0.0.1,reuseaddr,fork" \
  "OPENSSL:127.0.0.1:$GW_TEAMS,cert=$tlsdir/teams-emulator.pem,cafile=$tlsdir/ca.pem,verify=0,nodelay" >/dev/null 2>&1 &
out_tls=$!
socat "OPENSSL-LISTEN:46083,bind=127.0.0.1,reuseaddr,fork,cert=$tlsdir/teams-emulator.pem,verify=0,nodelay" \
  "TCP:127.0.0.1:46082,nodelay" >/dev/null 2>&1 &
in_tls=$!
trap '"$ROOT/opencg" stop >/dev/null 2>&1; kill $callee $tls $esrp $out_tls $in_tls 2>/dev/null || true' EXIT

source "$ROOT/bench/lib/sipp-warmup.sh"
sipp_warm_up "$work"

step=$work/overload
mkdir -p "$step" "$work/emergency"
gateway=$(cat "$HOME_DIR/run/wildfly.pid")
step_load_start "$gateway"
caller_scenario=$work/operator-caller-overload.xml
# Emergency calls start 10 s in, when the overload has built up; one a second.
( sleep 10; cd "$work/emergency" && sipp -sf "$work/teams-caller-911.xml" -t t1 -i 127.0.0.1 -p 46082 -s 911 \
    -key calling +14255550100 -key host 1r1.bench.opencg.test -key extra "X-Bench: 911" -key contact_port 46083 \
    -r 1 -m "$EMERGENCY" -l "$EMERGENCY" -trace_rtt -rtt_freq 1 -trace_stat -nostdin 127.0.0.1:46081 >sipp.out 2>&1 ) &
emergency=$!
set +e
call "$RATE" $((RATE * DURATION)) "$step" -timeout $((DURATION + 40))s -trace_rtt -rtt_freq 1 -trace_stat -trace_counts \
  -fd 1
wait $emergency
set -e
load=$(step_load_end "$gateway" "$HOME_DIR/log/gc.log")
read -r successful failed p99 answered < <(sipp_step_result "$step" $((RATE * DURATION)))
refused=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /_503_Recv$/) c = i } END { print (c ? $c : 0) + 0 }' \
  "$step"/*_counts.csv 2>/dev/null || echo 0)
read -r _ _ _ emergency_answered < <(sipp_step_result "$work/emergency" "$EMERGENCY")
goodput=$((answered / DURATION))
say "calls=$((RATE * DURATION)) successful=$successful answered=$answered refused_503=$refused failed=$failed $load"
echo "offered_cps=$RATE goodput_cps=$goodput goodput_pct=$((100 * goodput / CLEAN_CPS)) refused_503=$refused" \
  "failed=$failed p99_ms=$p99 emergency=$emergency_answered/$EMERGENCY"
