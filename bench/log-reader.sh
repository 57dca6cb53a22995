#!/usr/bin/env bash
# simulation.log reading: Hypercare's reader against Gatling's own report generation, on one synthetic,
# format-exact Gatling 3.16.0 log (bench/simulations/LogGenerator.java), in one run:
#   reader      ReadLog LOG: SimulationLogReader.read(LOG) with a fixed heap (-Xmx512m), on the log of N
#               requests and on one of N/10 requests over the same duration (peak RSS must not grow with N)
#   parse-only  ReadLog LOG --parse-only: SimulationLogParser.parse with a no-op handler (the parser's share)
#   gatling     io.gatling.app.Gatling --reports-only RUN --results-folder DIR (-Xmx4g, Gatling's own
#               report generation: parse + HTML reports), with bench/simulations/gatling.conf and logback.xml
# Every process runs under /usr/bin/time -v (wall time, peak RSS). Rounds alternate the order.
# Settings (environment): BENCH_REQUESTS (10000000), BENCH_SECONDS (1000: the run's duration in the log),
# BENCH_ROUNDS (2), BENCH_PARALLEL_GC (1: also the reader with -XX:+UseParallelGC); the reader also runs with -Xmx64m at N and N/10, BENCH_OUT
# (target/bench-runs/log-reader-<time>). Prints one line per measurement and the ratios; raw outputs stay in BENCH_OUT.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
requests=${BENCH_REQUESTS:-10000000}
seconds=${BENCH_SECONDS:-1000}
rounds=${BENCH_ROUNDS:-2}
parallel_gc=${BENCH_PARALLEL_GC:-1}
out=${BENCH_OUT:-$repo/target/bench-runs/log-reader-$(date -u +%Y%m%dT%H%M%SZ)}
[ "$rounds" -ge 1 ] && [ "$rounds" -le 5 ] || { echo "BENCH_ROUNDS: 1..5" >&2; exit 2; }
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }; }

build_if_needed
mkdir -p "$out/classes" "$out/conf" "$out/results"
"$JAVA_HOME/bin/javac" -nowarn -d "$out/classes" -cp "$repo/target/hypercare.jar:$repo/target/lib/*" \
  "$bench_dir/simulations/LogGenerator.java" "$bench_dir/simulations/ReadLog.java"
cp "$bench_dir/simulations/gatling.conf" "$bench_dir/simulations/logback.xml" "$out/conf/"
cp_reader="$out/classes:$repo/target/hypercare.jar:$repo/target/lib/*"

trap drop_lock EXIT
take_lock
small=$((requests / 10))
{ machine_info; echo "requests: $requests (and $small) over $seconds s, rounds: $rounds"; } | tee "$out/machine.txt"

# One log of N and one of N/10 over the same duration; each checked by the reader against what was written.
for n in "$requests" "$small"; do
  "$java" -cp "$cp_reader" LogGenerator "$out/log-$n.log" "$out/log-$n.tsv" "$n" "$seconds" | tee -a "$out/machine.txt"
  "$java" -Xmx512m -cp "$cp_reader" ReadLog "$out/log-$n.log" --expect "$out/log-$n.tsv" | tee -a "$out/machine.txt"
  grep -q '^check: OK' <(tail -1 "$out/machine.txt") || { echo "the reader disagrees with the generator" >&2; exit 1; }
done
# The layout next to a real Gatling 3.16.0 log, as the parser sees both.
"$java" -cp "$cp_reader" ReadLog --dump "$repo/src/test/resources/logs/smoke-gatling-3.16.0.log" 6 > "$out/layout.txt"
"$java" -cp "$cp_reader" ReadLog --dump "$out/log-$small.log" 6 >> "$out/layout.txt"
log="$out/log-$requests.log"
echo "log: $log: $(stat -c %s "$log") bytes; N/10 log: $(stat -c %s "$out/log-$small.log") bytes" | tee -a "$out/machine.txt"

results="$out/results.tsv"
printf 'round\tkind\twall_s\tpeak_rss_mb\tinner\n' > "$results"
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
record() {  # ROUND KIND FILE INNER
  local w r; w=$(wall_s "$3"); r=$(rss_mb "$3")
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$w" "$r" "$4" >> "$results"
  printf '  round %s %-16s wall %7.2f s  peak RSS %5s MB  %s\n' "$1" "$2" "$w" "$r" "$4"
}
warm() { cat "$1" > /dev/null; }  # page cache: both sides read a cached file

run_reader() {  # ROUND KIND LOG HEAP [JVM options...]
  local round=$1 kind=$2 file=$3 heap=$4; shift 4
  local f="$out/$kind-$round.txt"
  warm "$file"
  /usr/bin/time -v "$java" -Xms"$heap" -Xmx"$heap" "$@" -cp "$cp_reader" ReadLog "$file" > "$f" 2>&1
  record "$round" "$kind" "$f" "$(grep -o 'requests=.*' "$f" | head -1)"
}

run_parse_only() {  # ROUND
  local f="$out/parse-only-$1.txt"
  warm "$log"
  /usr/bin/time -v "$java" -Xms512m -Xmx512m -cp "$cp_reader" ReadLog "$log" --parse-only > "$f" 2>&1
  record "$1" parse-only "$f" "$(grep -o 'requests=.*' "$f" | head -1)"
}

run_gatling() {  # ROUND
  local run="gatling-$1" f="$out/gatling-$1.txt"
  rm -rf "${out:?}/results/$run"; mkdir -p "$out/results/$run"
  ln "$log" "$out/results/$run/simulation.log"
  warm "$log"
  /usr/bin/time -v "$java" -Xmx4g --add-opens=java.base/java.lang=ALL-UNNAMED "${quiet_jdk[@]}" \
    -cp "$out/conf:$repo/target/lib/*" io.gatling.app.Gatling \
    --reports-only "$run" --results-folder "$out/results" > "$f" 2>&1
  local parse count ko
  parse=$(sed -n 's/.*Parsing log file(s) done in \([0-9.]*\)s.*/\1/p' "$f")
  count=$(gatling_count "$f"); ko=$(gatling_ko "$f")
  record "$1" gatling "$f" "parse_s=$parse requests=$count ko=$ko"
  [ "$count" = "$requests" ] || echo "  gatling counted $count requests, not $requests" >&2
  rm -rf "$out/results/$run"/{js,style,*.html}  # the HTML report is not kept, only Gatling's output
}

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    run_reader "$round" reader "$log" 512m; run_reader "$round" reader-n10 "$out/log-$small.log" 512m; run_gatling "$round"; run_parse_only "$round"
  else
    run_parse_only "$round"; run_gatling "$round"; run_reader "$round" reader-n10 "$out/log-$small.log" 512m; run_reader "$round" reader "$log" 512m
  fi
  # The same reads with a heap 8x smaller: a reader whose memory grew with N would fail or slow down here.
  run_reader "$round" reader-64m "$log" 64m; run_reader "$round" reader-n10-64m "$out/log-$small.log" 64m
  if [ "$parallel_gc" = 1 ]; then run_reader "$round" reader-parallelgc "$log" 512m -XX:+UseParallelGC; fi
done

# Medians over the rounds (mean of the middle two when even), and the ratios.
med() { sort -n | awk '{ v[n++] = $1 } END { if (n == 0) print "n/a"; else if (n % 2) print v[(n - 1) / 2]; else printf "%.2f", (v[n / 2 - 1] + v[n / 2]) / 2 }'; }
median() {  # KIND COLUMN
  awk -F'\t' -v k="$1" -v c="$2" '$2 == k { print $c }' "$results" | med
}
inner_ms() {  # KIND KEY: median of KEY=VALUE in the inner column
  awk -F'\t' -v k="$1" -v key="$2" '$2 == k && match($5, key "=[0-9.]+") { print substr($5, RSTART + length(key) + 1, RLENGTH - length(key) - 1) }' "$results" | med
}
rw=$(median reader 3); gw=$(median gatling 3); gp=$(inner_ms gatling parse_s)
re=$(inner_ms reader elapsed_ms); pe=$(inner_ms parse-only elapsed_ms)
{
  echo "medians: reader wall ${rw}s (read() ${re} ms, RSS $(median reader 4) MB), reader N/10 wall $(median reader-n10 3)s (RSS $(median reader-n10 4) MB),"
  echo "         parse-only read ${pe} ms, gatling wall ${gw}s (parse ${gp}s, RSS $(median gatling 4) MB)"
  echo "ratio gatling wall / reader wall: $(ratio "$gw" "$rw")"
  echo "ratio gatling parse phase / reader wall: $(ratio "$gp" "$rw")"
  echo "ratio gatling parse phase / reader read(): $(ratio "$gp" "$(awk -v m="$re" 'BEGIN { print m / 1000 }')")"
  echo "         with -Xmx64m: reader wall $(median reader-64m 3)s (RSS $(median reader-64m 4) MB, live heap $(inner_ms reader-64m live_heap_kb) KB),"
  echo "         reader N/10 wall $(median reader-n10-64m 3)s (RSS $(median reader-n10-64m 4) MB, live heap $(inner_ms reader-n10-64m live_heap_kb) KB)"
  echo "ratio reader RSS N / N/10 (-Xmx512m): $(ratio "$(median reader 4)" "$(median reader-n10 4)")"
  echo "ratio reader RSS N / N/10 (-Xmx64m): $(ratio "$(median reader-64m 4)" "$(median reader-n10-64m 4)")"
  echo "ratio reader live heap after GC N / N/10: $(ratio "$(inner_ms reader live_heap_kb)" "$(inner_ms reader-n10 live_heap_kb)")"
} | tee "$out/summary.txt"
echo "raw outputs: $out"
