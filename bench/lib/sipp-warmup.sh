# Sourced by the SIPp ramp benchmarks (bench b2bua, bench sip-container) once they have defined
#   call RATE CALLS DIR [sipp args]
# sipp_warm_up WORK_DIR runs the warm-up in WORK_DIR/warmup and WORK_DIR/warmup-2 before the measured steps.
#
# Warm-up: the JIT compiles the call path for minutes, and a step measured while it still does pays for it. At 600/s
# right after 30 s at 150/s the gateway took 139 % CPU and lost a call. After a 90 s warm-up (a third at 150/s, the
# rest at 600/s) the compilers still spent 10 s of CPU in the first 60 s at 1,100/s (jstat -compiler: 51.2 -> 61.5 s),
# 17 points of the gateway's 122 % (100 = one core). After 300 s (a third at 150/s, the rest at 800/s) they took
# 0.8 % of its CPU samples in the step (async-profiler), which is the steady state an operator's gateway runs in. So
# the warm-up runs at 150 calls/s for a third of WARMUP_SECONDS (the cold JVM's interpreter cannot take more) and at
# WARMUP_RATE for the rest.
sipp_warm_up() {
  say "warming up for ${WARMUP_SECONDS:=300} s: 150 calls/s, then ${WARMUP_RATE:=800} calls/s"
  mkdir -p "$1/warmup" "$1/warmup-2"
  call 150 $((150 * WARMUP_SECONDS / 3)) "$1/warmup" || true
  call "$WARMUP_RATE" $((WARMUP_RATE * (WARMUP_SECONDS - WARMUP_SECONDS / 3))) "$1/warmup-2" || true
  sleep 5
}
