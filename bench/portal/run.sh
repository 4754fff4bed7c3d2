#!/usr/bin/env bash
# ./opencg bench portal [--postgres]: the Number Management Portal over HTTP as a browser uses it, on a gateway of
# its own (own home, own ports, fresh database). Signs in as the first administrator, uploads ten CSV files of 10,000
# numbers each into one account (per-row mode; the portal's form, multipart), then filters the numbers page (the
# AJAX request its Filter button makes: count and first page, lazily, of 100,000 numbers) by random number prefixes.
# Then it sorts all 100,000 by each sortable column, either way. Ends with one line:
#   numbers=100000 upload_10k_s=<first file> upload_10k_max_s=<slowest of the ten> filter_p50_ms=<x> filter_p95_ms=<y>
#   sort_p50_ms=<x> sort_p95_ms=<y>
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HOME_DIR=$ROOT/var/bench/portal
MODE=()
DATA=h2
[ "${1:-}" = --postgres ] && MODE=(--postgres) && DATA=postgres
export OPENCG_HOME=$HOME_DIR OPENCG_HTTP_PORT=58180 OPENCG_HTTPS_PORT=58543 OPENCG_MANAGEMENT_PORT=59890
export OPENCG_RTPENGINE_NG_ADDRESS=127.0.0.1:52323 OPENCG_RTPENGINE_PORT_RANGE=54000-54999
export OPENCG_SIP_LISTENING_POINTS=operator OPENCG_SIP_LISTENING_POINT_OPERATOR=udp:127.0.0.1:55160
export OPENCG_OC_EMULATOR_PORT=58186 OPENCG_API_RATE_LIMIT=1000000
"$ROOT/opencg" stop >/dev/null 2>&1 || true
rm -rf "$HOME_DIR/data"
mkdir -p "$HOME_DIR"
"$ROOT/opencg" run "${MODE[@]}" >"$HOME_DIR/run.log" 2>&1 || { cat "$HOME_DIR/run.log"; exit 1; }
trap '"$ROOT/opencg" stop >/dev/null 2>&1' EXIT
TOKEN=$("$ROOT/opencg" token --hours 2 Admin)
ADMIN=$(cat "$HOME_DIR"/data/*/first-admin-password 2>/dev/null | head -1)
python3 - "$TOKEN" "$ADMIN" <<'PY'
import http.client, json, re, sys, time, random, uuid
token, admin = sys.argv[1], sys.argv[2]
user, password = admin.split(":", 1)
HOST, PORT = "127.0.0.1", 58180
V = "api-version=2024-02-29-preview"
api = http.client.HTTPConnection(HOST, PORT, timeout=120)
api.request("PUT", "/api/accounts/portalbench?" + V, json.dumps({"serviceDetails": {
    "teamsOperatorConnect": {"syncEnabled": False, "enabled": True}}}),
    {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
r = api.getresponse(); r.read()
if r.status >= 300:
    sys.exit("account not created: %d" % r.status)

class Browser:
    """One portal session: its cookie and the view state of the page it shows."""
    def __init__(self):
        self.conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
        self.cookie = None
    def send(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if method == "POST":
            h["Origin"] = "http://%s:%d" % (HOST, PORT)  # as a browser says it; the portal refuses changes without

        if self.cookie:
            h["Cookie"] = self.cookie
        self.conn.request(method, path, body, h)
        r = self.conn.getresponse()
        data = r.read().decode("utf-8", "replace")
        c = r.getheader("Set-Cookie")
        if c:
            self.cookie = c.split(";")[0]
        return r.status, data, r.getheader("Location")
    def page(self, path):
        status, html, _ = self.send("GET", path)
        if status != 200:
            sys.exit("GET %s -> %d" % (path, status))
        self.state = re.search(r'name="jakarta.faces.ViewState"[^>]*value="([^"]+)"', html).group(1)
        return html
    def post(self, path, fields, ajax=False):
        body = "&".join("%s=%s" % (k, urlq(v)) for k, v in fields + [("jakarta.faces.ViewState", self.state)])
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if ajax:
            headers["Faces-Request"] = "partial/ajax"
        return self.send("POST", path, body, headers)

def urlq(v):
    from urllib.parse import quote
    return quote(v, safe="")

b = Browser()
b.page("/portal/login.xhtml")
status, _, where = b.post("/portal/login.xhtml", [("signIn", "signIn"), ("signIn:username", user),
                          ("signIn:password", password), ("signIn:signInButton", "")])
if status != 302 or "index.xhtml" not in (where or ""):
    sys.exit("sign-in refused (%s %s)" % (status, where))

def upload(first):
    b.page("/portal/numbers.xhtml")
    rows = "Numbers\r\n" + "".join("+4420%08d\r\n" % (first + i) for i in range(10_000))
    boundary = uuid.uuid4().hex
    parts = [("uploadForm", "uploadForm"), ("uploadForm:account_input", "portalbench"),
             ("uploadForm:services", "teamsOperatorConnect"), ("uploadForm:mode", "false"),
             ("uploadForm:import", ""), ("jakarta.faces.ViewState", b.state)]
    body = "".join("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k, v)
                   for k, v in parts)
    body += ("--%s\r\nContent-Disposition: form-data; name=\"uploadForm:file_input\"; filename=\"n.csv\"\r\n"
             "Content-Type: text/csv\r\n\r\n%s\r\n--%s--\r\n") % (boundary, rows, boundary)
    start = time.monotonic()
    status, html, _ = b.send("POST", "/portal/numbers.xhtml", body.encode("utf-8"),
                             {"Content-Type": "multipart/form-data; boundary=" + boundary})
    took = time.monotonic() - start
    if status != 200 or "10000 created" not in html:
        sys.exit("upload refused (%d): %s" % (status, re.sub(r"<[^>]+>", " ", html)[-1500:]))
    return took

uploads = [upload(10_000_000 + f * 10_000) for f in range(10)]
b.page("/portal/numbers.xhtml")
latencies = []
for i in range(400):
    prefix = "+4420%d" % random.randint(1000, 1099)
    start = time.monotonic()
    status, xml, _ = b.post("/portal/numbers.xhtml", [
        ("jakarta.faces.partial.ajax", "true"), ("jakarta.faces.source", "numberList:applyFilter"),
        ("jakarta.faces.partial.execute", "numberList"), ("jakarta.faces.partial.render", "numberList:numbers"),
        ("numberList:applyFilter", "numberList:applyFilter"), ("numberList", "numberList"),
        ("numberList:prefix", prefix), ("numberList:account_input", ""), ("numberList:service_input", ""),
        ("numberList:status_input", "")], ajax=True)
    latencies.append((time.monotonic() - start) * 1000)
    if status != 200 or "numbers" not in xml:
        sys.exit("filter failed (%d): %s" % (status, xml[:500]))
latencies = sorted(latencies[100:])  # the first 100 warm the server up
p = lambda values, q: values[min(len(values) - 1, int(q * len(values)))]
# Sorting all 100,000 (the filter emptied): the AJAX request a column header makes, by number, account or sync
# status, either way, in turn; the first 20 warm up.
b.page("/portal/numbers.xhtml")
sorts = []
by_column = {}
for i in range(120):
    column = ["number", "accountName", "sync"][i % 3]
    start = time.monotonic()
    status, xml, _ = b.post("/portal/numbers.xhtml", [
        ("jakarta.faces.partial.ajax", "true"), ("jakarta.faces.source", "numberList:numbers"),
        ("jakarta.faces.partial.execute", "numberList:numbers"), ("jakarta.faces.partial.render", "numberList:numbers"),
        ("numberList", "numberList"), ("numberList:numbers_sorting", "true"),
        ("numberList:numbers_skipChildren", "true"), ("numberList:numbers_encodeFeature", "true"),
        ("numberList:numbers_sortKey", "numberList:numbers:" + column),
        ("numberList:numbers_sortDir", "1" if (i // 3) % 2 == 0 else "-1")], ajax=True)
    sorts.append((time.monotonic() - start) * 1000)
    if i >= 20:
        by_column.setdefault(column, []).append(sorts[-1])
    if status != 200 or "+4420" not in xml:
        sys.exit("sort failed (%d): %s" % (status, xml[:500]))
sorts = sorted(sorts[20:])
for column, values in sorted(by_column.items()):
    print("sort by %s: p50 %.1f ms, p95 %.1f ms" % (column, p(sorted(values), 0.5), p(sorted(values), 0.95)),
          file=sys.stderr)
print("numbers=100000 upload_10k_s=%.1f upload_10k_max_s=%.1f filter_p50_ms=%.1f filter_p95_ms=%.1f"
      " sort_p50_ms=%.1f sort_p95_ms=%.1f"
      % (uploads[0], max(uploads), p(latencies, 0.50), p(latencies, 0.95), p(sorts, 0.50), p(sorts, 0.95)))
PY
