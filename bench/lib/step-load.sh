# Sourced by the SIPp ramp benchmarks: where a step's time went, so that a figure comes with what limited it.
#
#   step_load_start PID                     # before the step: the gateway's JVM
#   step_load_end PID GC_LOG                # after it: prints one line of key=value
#
# gateway_cpu_pct: the JVM's CPU over the step (100 = one core, from /proc/PID/stat); machine_cpu_pct: every
# process's (/proc/stat, 100 per core), so machine minus gateway is what the load generators and the rest took (the
# kernel samples /proc/stat on its ticks and misses short bursts, so at low load it can read below the gateway's);
# gc_pause_pct: the share of the step's wall time the JVM was stopped for collections, with the median and longest
# pause, from the GC log the launcher has WildFly write (its lines carry the wall clock). A call set up during a
# pause waits for it, which is why the pause figures sit beside the step's p99.
step_load_start() {
  STEP_T0=$(date +%s.%N)
  STEP_PROC0=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
  STEP_CPU0=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
}

step_load_end() {
  local pid=$1 gc_log=$2 t1 proc1 cpu1 hz
  t1=$(date +%s.%N)
  proc1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  cpu1=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
  hz=$(getconf CLK_TCK)
  python3 - "$STEP_T0" "$t1" "$STEP_PROC0" "$proc1" "$STEP_CPU0" "$cpu1" "$hz" "$gc_log" <<'EOF'
import datetime, glob, re, sys
t0, t1, p0, p1, c0, c1, hz = (float(v) for v in sys.argv[1:8])
wall = t1 - t0
pauses = []
# -Xlog:gc:...:time,uptimemillis lines: [2026-12-02T17:03:08.118+0000][12345ms] GC(12) Pause Young ... 26.990ms;
# the launcher keeps five rotated files (gc.log, gc.log.0, ...), a long ramp can span two.
line = re.compile(r'^\[(\d{4}-\d\d-\d\dT[\d:.]+[+-]\d{4})\].*GC\(\d+\) Pause .* ([\d.]+)ms$')
for name in glob.glob(sys.argv[8] + '*'):
    with open(name, errors='replace') as log:
        for text in log:
            m = line.match(text.rstrip())
            if m and t0 <= datetime.datetime.strptime(m.group(1), '%Y-%m-%dT%H:%M:%S.%f%z').timestamp() <= t1:
                pauses.append(float(m.group(2)))
pauses.sort()
median = pauses[len(pauses) // 2] if pauses else 0.0
longest = pauses[-1] if pauses else 0.0
print('gateway_cpu_pct=%.0f machine_cpu_pct=%.0f gc_pause_pct=%.1f gc_pauses=%d gc_pause_p50_ms=%.1f gc_pause_max_ms=%.1f'
      % (100 * (p1 - p0) / hz / wall, 100 * (c1 - c0) / hz / wall, 100 * sum(pauses) / 1000 / wall, len(pauses),
         median, longest))
EOF
}
