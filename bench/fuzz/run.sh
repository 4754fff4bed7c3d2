#!/usr/bin/env bash
# ./opencg bench fuzz: the SIP entry path fuzzed, in the process and then on the wire.
# 1. Jazzer fuzzes SipInputFuzzTest#entryPathLong (framing, parser, RFC 3261 checks, ACG's limits, SDP normaliser)
#    for 1,000,000 inputs (its maxExecutions), coverage-guided from RFC 4475's messages; a failing input is kept in
#    SipInputFuzzTestInputs/ (a regression test from then on) and fails the run.
# 2. The corpus it grew is sent to a gateway of its own (own home and ports, the launcher's defaults otherwise), each
#    input as a UDP datagram and on a TCP connection of its own from a peer's address; then the gateway must answer
#    OPTIONS, log no uncaught exception, and bring its SIP session and transaction gauges back to where they were.
# Ends with:
#   runs=<n> findings=<n> corpus=<n> sent_udp=<n> sent_tcp=<n> answered_after=<yes|no> uncaught=<n>
#   gauges_before=<sessions/server tx/client tx> gauges_after=<same, within 120 s>
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/fuzz
CORPUS=$ROOT/sip-servlet-module/.cifuzz-corpus/org.opencg.sip.SipInputFuzzTest/entryPathLong
mkdir -p "$HOME_DIR"

cd "$ROOT"
mvn -B -q install -DskipTests -pl sip-servlet-module -am >"$HOME_DIR/build.log" 2>&1 || { tail -30 "$HOME_DIR/build.log"; exit 1; }
# Coverage of JAIN-SIP's parser guides the fuzzer too, not only ours.
set +e
JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='org.opencg.sip.**:gov.nist.javax.sip.parser.**:gov.nist.javax.sip.header.**' \
  mvn -B test -pl sip-servlet-module -Dtest='SipInputFuzzTest#entryPathLong' -Dopencg.fuzz.skip=true \
  >"$HOME_DIR/jazzer.log" 2>&1
status=$?
set -e
runs=$(grep -o 'Done [0-9]* runs' "$HOME_DIR/jazzer.log" | head -1 | awk '{print $2}')
findings=$(grep -c 'FuzzTestFindingException' "$HOME_DIR/jazzer.log" || true)
if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then tail -40 "$HOME_DIR/jazzer.log"; exit 1; fi

export OPENCG_HOME=$HOME_DIR OPENCG_HTTP_PORT=48080 OPENCG_HTTPS_PORT=48443 OPENCG_MANAGEMENT_PORT=48990
export OPENCG_RTPENGINE_NG_ADDRESS=127.0.0.1:48223 OPENCG_RTPENGINE_PORT_RANGE=48300-48399
export OPENCG_OC_EMULATOR_PORT=48086 OPENCG_SBC_EMULATOR_TEAMS_PORT=48071 OPENCG_SBC_EMULATOR_OPERATOR_PORT=48090
export OPENCG_SIP_LISTENING_POINTS=operator,teams
export OPENCG_SIP_LISTENING_POINT_OPERATOR=udp:127.0.0.1:48060,tcp:127.0.0.1:48060
export OPENCG_SIP_LISTENING_POINT_TEAMS=tls:127.0.0.1:48063
"$ROOT/opencg" stop >/dev/null 2>&1 || true
"$ROOT/opencg" run >"$HOME_DIR/run.log" 2>&1 || { cat "$HOME_DIR/run.log"; exit 1; }
trap '"$ROOT/opencg" stop >/dev/null 2>&1' EXIT
python3 - "$CORPUS" "$ROOT/sip-servlet-module/src/test/resources/org/opencg/sip/SipInputFuzzTestInputs" \
  "$HOME_DIR/wildfly/log/server.log" "${runs:-0}" "$findings" <<'PY'
import os, re, socket, sys, time, urllib.request
corpus_dir, seeds_dir, log, runs, findings = sys.argv[1:6]
files = [os.path.join(d, f) for top in (corpus_dir, seeds_dir) if os.path.isdir(top)
         for d, _, fs in os.walk(top) for f in fs]
def gauges():
    text = urllib.request.urlopen("http://127.0.0.1:48990/metrics", timeout=10).read().decode()
    def value(name):
        m = re.search(r"^" + name + r"(\{[^}]*\})? ([0-9.eE+-]+)$", text, re.M)
        return int(float(m.group(2))) if m else -1
    return (value("opencg_sip_sessions"), value("opencg_sip_server_transactions"),
            value("opencg_sip_client_transactions"))
def options_answered():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.settimeout(5)
    host, port = s.getsockname()
    s.sendto((f"OPTIONS sip:127.0.0.1:48060 SIP/2.0\r\nVia: SIP/2.0/UDP {host}:{port};branch=z9hG4bKafter\r\n"
              f"Max-Forwards: 70\r\nFrom: <sip:bench@{host}>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: after-fuzz\r\n"
              "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode(), ("127.0.0.1", 48060))
    try:
        return s.recv(4096).startswith(b"SIP/2.0 200")
    except socket.timeout:
        return False
log_start = os.path.getsize(log)
before = gauges()
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); udp.bind(("127.0.0.1", 0))
sent_udp = sent_tcp = 0
for path in files:
    data = open(path, "rb").read()
    if 0 < len(data) <= 65000:
        udp.sendto(data, ("127.0.0.1", 48060)); sent_udp += 1
    tcp = socket.socket()
    try:
        tcp.connect(("127.0.0.1", 48060)); tcp.sendall(data); tcp.settimeout(0.05)
        try:
            tcp.recv(65536)
        except OSError:
            pass
        sent_tcp += 1
    except OSError:
        pass
    finally:
        tcp.close()
    time.sleep(0.002)  # a peer's pace, under the flood guard's rate for listed sources
answered = options_answered()
deadline = time.time() + 120
after = gauges()
while after[0] > before[0] or after[1] > before[1] or after[2] > before[2]:
    if time.time() > deadline:
        break
    time.sleep(2)
    after = gauges()
with open(log, errors="replace") as f:
    f.seek(log_start)
    uncaught = sum(1 for line in f if "Exception in thread" in line or "uncaught" in line.lower())
print(f"runs={runs} findings={findings} corpus={len(files)} sent_udp={sent_udp} sent_tcp={sent_tcp} "
      f"answered_after={'yes' if answered else 'no'} uncaught={uncaught} "
      f"gauges_before={'/'.join(map(str, before))} gauges_after={'/'.join(map(str, after))}")
PY
