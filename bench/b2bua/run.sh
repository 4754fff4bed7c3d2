#!/usr/bin/env bash
# SBC benchmark (issue 5): a SIPp ramp through the product's B2BUA with full signalling interworking.
#
# The gateway runs the product EAR in its own home (var/bench/b2bua) on its own ports. SIPp plays the operator's SBC
# over UDP and calls an unprovisioned number (Operator Connect by default), so every call is routed from the routing
# snapshot, normalised to E.164, its SDP stripped for Teams, topology-hidden and sent over TLS to a Teams proxy,
# which is a second SIPp (emulators/sip/teams-proxy.xml, over TCP behind socat's TLS). No media: the SDP is
# normalised but not anchored (opencg.media.anchor=false), as issue 5 measures the signalling B2BUA; MEDIA=anchor
# sends every offer and answer through rtpengine as well (still no RTP), which is the cost bench media does not see.
# Each call: INVITE, 100, 180, 183, 200, ACK on both legs, 1.5 s, BYE, 200. One call record per call.
# Each step's line on stderr also says where the time went (bench/lib/step-load.sh): the gateway's CPU, the machine's,
# and the share of the step the JVM spent stopped for garbage collection.
# Ends with: cps=<highest rate with 0 failed calls> failed=<n at that rate> p99_ms=<INVITE->200 p99 at that rate>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/b2bua
RATES=${RATES:-200 400 600 800 1000 1100 1200 1400}
STEP_SECONDS=${STEP_SECONDS:-10}
GW_PORT=45060 GW_TEAMS=45063 TEAMS_TLS=45071 TEAMS_TCP=46071 CALLER_PORT=46060 MGMT=49990

export OPENCG_HOME=$HOME_DIR
export OPENCG_HTTP_PORT=48080 OPENCG_MANAGEMENT_PORT=$MGMT OPENCG_RTPENGINE_NG_ADDRESS=127.0.0.1:42223
export OPENCG_RTPENGINE_PORT_RANGE=50000-59999 OPENCG_SIP_LISTENING_POINTS=operator,teams OPENCG_OC_EMULATOR_PORT=48086
export OPENCG_SIP_LISTENING_POINT_OPERATOR=udp:127.0.0.1:$GW_PORT OPENCG_SIP_LISTENING_POINT_TEAMS=tls:127.0.0.1:$GW_TEAMS
export OPENCG_SBC_PEERS_TEAMS="sip=tls:127.0.0.1:$TEAMS_TLS;priority=1"
export OPENCG_SBC_TRUNK_OPERATOR_PEERS="op1=udp:127.0.0.1:$CALLER_PORT" OPENCG_SBC_OPTIONS_INTERVAL_SECONDS=5
export OPENCG_DR_BASE_DOMAIN=bench.opencg.test
case ${MEDIA:-none} in
  none) export OPENCG_MEDIA_ANCHOR=false ;;
  anchor) export OPENCG_MEDIA_ANCHOR=true ;;
  *) echo "MEDIA is none (the default) or anchor" >&2; exit 2 ;;
esac

source "$ROOT/bench/lib/sipp-step.sh"
source "$ROOT/bench/lib/step-load.sh"
say() { printf '%s\n' "$*" >&2; }

"$ROOT/opencg" stop >/dev/null 2>&1 || true
# A fresh database each run: every call leaves a call record, and H2 with the millions of rows of earlier runs
# (800 MB after a day of runs) spends CPU and heap on its own pages, which made the figures drift from run to run.
rm -rf "$HOME_DIR/data"
"$ROOT/opencg" run >&2
work=$HOME_DIR/sipp
rm -rf "$work" && mkdir -p "$work"
trap '"$ROOT/opencg" stop >/dev/null 2>&1; kill $callee $tls 2>/dev/null || true' EXIT

# The Teams proxy: SIPp over TCP behind socat's TLS, with a certificate from the gateway's local CA.
tlsdir=$HOME_DIR/data/h2/tls
bash "$ROOT/wildfly-config/src/main/scripts/make-peer-certificate.sh" "$tlsdir" teams-emulator
sed -e "s/@HOST@/127.0.0.1/; s/@PORT@/$TEAMS_TLS/" -e 's/@BUSY@/x/; s/@DECLINE@/x/; s/@SILENT@/x/' \
  "$ROOT/emulators/sip/teams-proxy.xml" >"$work/teams-proxy.xml"
(cd "$work" && exec sipp -sf "$work/teams-proxy.xml" -t t1 -i 127.0.0.1 -p $TEAMS_TCP -buff_size 4194304 -nostdin \
   >"$work/teams.out" 2>&1) &
callee=$!
socat "OPENSSL-LISTEN:$TEAMS_TLS,bind=127.0.0.1,reuseaddr,fork,cert=$tlsdir/teams-emulator.pem,verify=0,nodelay" \
  "TCP:127.0.0.1:$TEAMS_TCP,nodelay" >/dev/null 2>&1 &
tls=$!
for _ in $(seq 1 60); do
  curl -s "http://127.0.0.1:$MGMT/metrics" | grep -q '^opencg_sbc_peer_up{.*peer="sip".*} 1' && break
  sleep 1
done

call() { # rate calls dir [extra sipp args]
  local rate=$1 calls=$2 dir=$3
  shift 3
  (cd "$dir" && sipp -sf "$ROOT/emulators/sip/operator-caller.xml" -i 127.0.0.1 -p $CALLER_PORT -s +441632960000 \
     -key calling +442079460000 -key extra "X-Bench: 1" -buff_size 4194304 -r "$rate" -m "$calls" \
     -l $((rate * 4)) -nostdin "$@" 127.0.0.1:$GW_PORT >sipp.out 2>&1)
}

# Warm-up: the JIT compiles the call path for minutes, and a step measured while it still does loses calls to it (at
# 600/s right after 30 s at 150/s the gateway took 139 % CPU and lost a call; after this warm-up 89 % and none). So
# the warm-up runs at 150 calls/s for a third of WARMUP_SECONDS (the cold JVM's interpreter cannot take more) and at
# WARMUP_RATE for the rest.
say "warming up for ${WARMUP_SECONDS:=90} s: 150 calls/s, then ${WARMUP_RATE:=600} calls/s"
mkdir -p "$work/warmup" "$work/warmup-2"
call 150 $((150 * WARMUP_SECONDS / 3)) "$work/warmup" || true
call "$WARMUP_RATE" $((WARMUP_RATE * (WARMUP_SECONDS - WARMUP_SECONDS / 3))) "$work/warmup-2" || true
sleep 5

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
