#!/usr/bin/env bash
# ./opencg bench connections: what strangers' connections and floods cost a gateway of its own (own home, own ports,
# the launcher's defaults otherwise). IDLE (1000) idle TCP connections from a stranger (127.0.0.9) and as many from
# a peer's address (127.0.0.1) to the operator side, IDLE idle TLS connections (no handshake) to the Teams side, then
# FLOOD_S (3) seconds of OPTIONS at FLOOD_RATE (2000/s) from a stranger, then one OPTIONS from the peer. Ends with:
#   idle=<n> threads_before=<t> threads_during=<t> kept_after_5s=<n> flood_sent=<n> flood_answered=<n> peer_answered=<yes|no>
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/connections
export OPENCG_HOME=$HOME_DIR OPENCG_HTTP_PORT=47080 OPENCG_HTTPS_PORT=47443 OPENCG_MANAGEMENT_PORT=47990
export OPENCG_RTPENGINE_NG_ADDRESS=127.0.0.1:47223 OPENCG_RTPENGINE_PORT_RANGE=47300-47399
export OPENCG_OC_EMULATOR_PORT=47086 OPENCG_SBC_EMULATOR_TEAMS_PORT=47071 OPENCG_SBC_EMULATOR_OPERATOR_PORT=47090
export OPENCG_SIP_LISTENING_POINTS=operator,teams
export OPENCG_SIP_LISTENING_POINT_OPERATOR=udp:127.0.0.1:47060,tcp:127.0.0.1:47060
export OPENCG_SIP_LISTENING_POINT_TEAMS=tls:127.0.0.1:47063
"$ROOT/opencg" stop >/dev/null 2>&1 || true
mkdir -p "$HOME_DIR"
"$ROOT/opencg" run >"$HOME_DIR/run.log" 2>&1 || { cat "$HOME_DIR/run.log"; exit 1; }
trap '"$ROOT/opencg" stop >/dev/null 2>&1' EXIT
python3 - "$(cat "$HOME_DIR/run/wildfly.pid")" "${IDLE:-1000}" "${FLOOD_RATE:-2000}" "${FLOOD_S:-3}" <<'PY'
import socket, sys, time
pid, idle, rate, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def threads():
    with open(f"/proc/{pid}/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("Threads:"))
def connect(source, port, kept):
    s = socket.socket()
    try:
        s.bind((source, 0)); s.connect(("127.0.0.1", port)); kept.append(s)
    except OSError:
        s.close()  # reset while connecting: refused as it was accepted
def options(source_socket, call_id):
    host, port = source_socket.getsockname()
    return (f"OPTIONS sip:127.0.0.1:47060 SIP/2.0\r\nVia: SIP/2.0/UDP {host}:{port};branch=z9hG4bK{call_id}\r\n"
            f"Max-Forwards: 70\r\nFrom: <sip:bench@{host}>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: {call_id}\r\n"
            "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode()
before = threads()
sockets = []
for i in range(idle):
    connect("127.0.0.9", 47060, sockets)
    connect("127.0.0.1", 47060, sockets)
    connect("127.0.0.1", 47063, sockets)
time.sleep(5)
during = threads()
kept = 0
for s in sockets:
    s.setblocking(False)
    try:
        kept += 0 if s.recv(1) == b"" else 1
    except BlockingIOError:
        kept += 1
    except OSError:
        pass
for s in sockets:
    s.close()
flood = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); flood.bind(("127.0.0.9", 0)); flood.setblocking(False)
sent = answered = 0
start = time.monotonic()
while time.monotonic() - start < seconds:
    flood.sendto(options(flood, f"flood-{sent}"), ("127.0.0.1", 47060)); sent += 1
    try:
        while True:
            flood.recv(4096); answered += 1
    except BlockingIOError:
        pass
    time.sleep(max(0, start + sent / rate - time.monotonic()))
peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); peer.bind(("127.0.0.1", 0)); peer.settimeout(5)
peer.sendto(options(peer, "peer-1"), ("127.0.0.1", 47060))
try:
    ok = peer.recv(4096).startswith(b"SIP/2.0 200")
except socket.timeout:
    ok = False
print(f"idle={idle} threads_before={before} threads_during={during} kept_after_5s={kept} "
      f"flood_sent={sent} flood_answered={answered} peer_answered={'yes' if ok else 'no'}")
PY
