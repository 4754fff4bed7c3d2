# Sourced by the SIPp ramp benchmarks: what one step of a ramp gave, from SIPp's -trace_stat and -trace_rtt files.
#
#   read -r successful failed p99 answered < <(sipp_step_result STEP_DIR CALLS)
#
# successful and failed calls (failed = CALLS when SIPp wrote no statistics), the 99th percentile of the
# response time SIPp measured (rtd, ms), "n/a" without samples, and how many calls were answered (had an rtd
# sample): a scenario may end a refused call "successfully", and a refused call is no call.
sipp_step_result() {
  local step=$1 calls=$2 failed successful p99 answered
  failed=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "FailedCall(C)") c = i } END { print $c + 0 }' \
    "$step"/*_.csv 2>/dev/null || echo "$calls")
  successful=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "SuccessfulCall(C)") c = i } END { print $c + 0 }' \
    "$step"/*_.csv 2>/dev/null || echo 0)
  # Without an rtt file (SIPp writes none when it measured nothing) the step has no p99, and is not an error.
  p99=$({ cat "$step"/*_rtt.csv 2>/dev/null || true; } | awk -F';' 'NR > 1 && $2 ~ /^[0-9.]+$/ { print $2 }' | sort -n \
    | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", v[i] } }')
  answered=$({ cat "$step"/*_rtt.csv 2>/dev/null || true; } | awk -F';' 'NR > 1 && $2 ~ /^[0-9.]+$/' | wc -l)
  echo "$successful $failed $p99 $answered"
}
