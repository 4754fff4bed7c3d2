#!/usr/bin/env bash
# Media benchmark (issue 6): how many concurrent G.711 calls rtpengine carries on this machine with SRTP on the
# Microsoft side and RTP on the operator side before more than 0.1 % of packets are lost. Starts its own rtpengine
# (userspace, loopback, as ./opencg run does), sets calls up with the gateway's own ng commands (NgCommands), and
# sends 50 packets/s each way per call from one load process on the same cores.
# Ends with: calls=<highest clean number of calls> loss_pct=<loss at that step>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NG=127.0.0.1:${BENCH_NG_PORT:-52223}
work=$ROOT/var/bench/media
mkdir -p "$work"
classes=$ROOT/sip-servlet-module/target/classes
[ -f "$classes/org/opencg/sip/media/NgCommands.class" ] \
  || (cd "$ROOT" && mvn -B -q -o install -DskipTests -pl sip-servlet-module -am >"$work/build.log" 2>&1) \
  || (cd "$ROOT" && mvn -B -q install -DskipTests -pl sip-servlet-module -am >"$work/build.log" 2>&1)
rtpengine --config-file=none --foreground --table=-1 --interface=127.0.0.1 --listen-ng="$NG" \
  --port-min=50000 --port-max=59999 --log-stderr --log-level=4 >"$work/rtpengine.log" 2>&1 &
engine=$!
trap 'kill $engine 2>/dev/null || true' EXIT
sleep 1
echo "rtpengine $(rtpengine --version 2>&1 | head -1) on $NG; $(nproc) cores" >&2
java -Dng="$NG" -Dstep="${STEP:-100}" -Dmax="${MAX:-3000}" -Dseconds="${STEP_SECONDS:-10}" \
  -cp "$classes" "$ROOT/bench/media/MediaLoad.java"
