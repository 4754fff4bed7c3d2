#!/usr/bin/env bash
# ./opencg bench provisioning [--postgres]: the Provisioning API end to end on a gateway of its own (own home, own
# ports, fresh database): 10,000 Operator Connect numbers with flow-through sync to the emulator, sent as 100
# batches of 100, then single-number GETs (SYNC=false: the same numbers without flow-through sync, to see the API's
# own cost). Ends with one line:
#   numbers=10000 batches_s=<API time> synced_s=<until all synced> get_p50_ms=<x> get_p99_ms=<y>
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/provisioning
MODE=()
[ "${1:-}" = --postgres ] && MODE=(--postgres)
export OPENCG_HOME=$HOME_DIR OPENCG_HTTP_PORT=58080 OPENCG_HTTPS_PORT=58443 OPENCG_MANAGEMENT_PORT=59990
export OPENCG_RTPENGINE_NG_ADDRESS=127.0.0.1:52223 OPENCG_RTPENGINE_PORT_RANGE=53000-53999
export OPENCG_SIP_LISTENING_POINTS=operator OPENCG_SIP_LISTENING_POINT_OPERATOR=udp:127.0.0.1:55060
export OPENCG_OC_EMULATOR_PORT=58086 OPENCG_API_RATE_LIMIT=1000000
"$ROOT/opencg" stop >/dev/null 2>&1 || true
rm -rf "$HOME_DIR/data"
mkdir -p "$HOME_DIR"
"$ROOT/opencg" run "${MODE[@]}" >"$HOME_DIR/run.log" 2>&1 || { cat "$HOME_DIR/run.log"; exit 1; }
trap '"$ROOT/opencg" stop >/dev/null 2>&1' EXIT
TOKEN=$("$ROOT/opencg" token --hours 2 Admin)
python3 - "$TOKEN" "${SYNC:-true}" <<'PY'
import http.client, json, sys, time, random
token = sys.argv[1]
sync = sys.argv[2] == "true"
V = "api-version=2024-02-29-preview"
TENANT = "7f3e9a62-4b1c-4d8e-9f2a-0c5b6d7e8f90"  # the emulator's demo enterprise
conn = http.client.HTTPConnection("127.0.0.1", 58080, timeout=60)
def call(method, path, body=None):
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    conn.request(method, "/api" + path + ("&" if "?" in path else "?") + V,
                 json.dumps(body) if body is not None else None, headers)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 300:
        sys.exit("%s %s -> %d %s" % (method, path, r.status, data[:300]))
    return json.loads(data) if data else None
call("PUT", "/accounts/bench", {"serviceDetails": {"teamsTenantId": TENANT,
     "teamsOperatorConnect": {"syncEnabled": sync, "enabled": True}}})
numbers = ["+4420%08d" % (10_000_000 + i) for i in range(10_000)]
start = time.monotonic()
for b in range(100):
    call("POST", "/accounts/bench:createOrUpdateNumbers", {"numbers": [
        {"telephoneNumber": n, "serviceDetails": {"teamsOperatorConnect": {"enabled": True,
         "assignmentStatus": "assigned", "configuration": {"usage": "CallingUserAssignment",
         "choosableCapabilities": ["InboundCalling", "OutboundCalling"]}}}}
        for n in numbers[b * 100:(b + 1) * 100]]})
batches = time.monotonic() - start
query = "/numbers?countRecords=true&maxpagesize=1&filter=" + \
    "serviceProvisioningStatus%20eq%20'synced'%20and%20startswith(telephoneNumber,'%2B4420')"
def synced():
    conn.request("GET", "/api" + query + "&" + V, headers={"Authorization": "Bearer " + token})
    r = conn.getresponse(); r.read()
    return int(r.getheader("x-ms-record-count"))
deadline = start + 600
while synced() < 10_000 and time.monotonic() < deadline:
    time.sleep(0.5)
synced_s = time.monotonic() - start
latencies = []
for i in range(3000):
    n = random.choice(numbers)
    t = time.monotonic()
    call("GET", "/accounts/bench/numbers/%2B" + n[1:])
    latencies.append((time.monotonic() - t) * 1000)
latencies = sorted(latencies[500:])  # the first 500 warm the server up
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print("numbers=10000 batches_s=%.1f synced_s=%.1f get_p50_ms=%.2f get_p99_ms=%.2f"
      % (batches, synced_s, p(0.50), p(0.99)))
PY
