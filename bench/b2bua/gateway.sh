# Sourced by the SIPp benchmarks of the SBC (bench b2bua, bench held-calls): starts the product EAR in HOME_DIR on
# the bench ports with a fresh database, and the Teams proxy (SIPp over TCP behind socat's TLS, with a certificate
# from the gateway's local CA), and waits until the gateway has the proxy up. The caller sets ROOT and HOME_DIR; the
# EXIT trap stops both. Then
#
#   call RATE CALLS DIR [sipp args]     # SIPp as the operator's SBC over UDP, in DIR, on caller_scenario
#
# calls an unprovisioned number (Operator Connect), so every call is routed from the routing snapshot, normalised to
# E.164, its SDP stripped for Teams, topology-hidden and sent over TLS to the proxy. MEDIA=anchor sends every offer
# and answer through rtpengine as well (no RTP); the default, none, leaves media unanchored (opencg.media.anchor).
GW_PORT=45060 GW_TEAMS=45063 TEAMS_TLS=45071 TEAMS_TCP=46071 CALLER_PORT=46060 MGMT=49990

export OPENCG_HOME=$HOME_DIR
export OPENCG_HTTP_PORT=48080 OPENCG_HTTPS_PORT=48443 OPENCG_MANAGEMENT_PORT=$MGMT OPENCG_RTPENGINE_NG_ADDRESS=127.0.0.1:42223
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

caller_scenario=$ROOT/emulators/sip/operator-caller.xml
call() { # rate calls dir [extra sipp args]
  local rate=$1 calls=$2 dir=$3
  shift 3
  (cd "$dir" && sipp -sf "$caller_scenario" -i 127.0.0.1 -p $CALLER_PORT -s +441632960000 \
     -key calling +442079460000 -key extra "X-Bench: 1" -buff_size 4194304 -r "$rate" -m "$calls" \
     -l $((rate * 4)) -nostdin "$@" 127.0.0.1:$GW_PORT >sipp.out 2>&1)
}
