#!/usr/bin/env bash
# Hypercare report speed: `hypercare report daily|weekly|exit` over a generated 30-day probe journal
# (BENCH_PROBES probes checking every BENCH_INTERVAL s: 10 x 10 s = 2,592,000 results, one outage a day with
# its incident and state changes, 1 check in 500 timing out), written through Journal and ResultCodec exactly as
# the runner writes it (src/test/java/.../report/hypercare/BenchJournal.java).
#   report runs   ./hypercare report KIND --journal J --date LAST --policy P, each under /usr/bin/time -v
#                 (wall time, peak RSS); BENCH_ROUNDS rounds; `./hypercare --version` is timed the same way as
#                 the JVM's own start (the launcher, JVM and command line, no report), and subtracted
#   variants      the same runs with HYPERCARE_JAVA_OPTS=-XX:TieredStopAtLevel=1 (c1: C1 only, less JIT work for a
#                 one-shot command), unless BENCH_C1=0; and with a JDK 25 AOT cache made by one training run of
#                 `report weekly` (aot: -XX:AOTCache), unless BENCH_AOT=0 or the JDK is older than 25
#   peers         cat and wc -l of the journal's segments to /dev/null (page cache warm for every run), as ratios
#   screenshot    headless Chromium opens the daily HTML and takes a screenshot; it must log no console message
# The policy judges every probe (30 thresholds, 30 rollback/escalation rules), the worst case for evaluation.
# Wall and CPU (user + sys) time are both recorded: on a shared machine CPU time is the steadier of the two.
# Settings (environment): BENCH_DAYS (30), BENCH_PROBES (10), BENCH_INTERVAL (10), BENCH_ROUNDS (3), BENCH_C1 (1), BENCH_AOT (1),
# BENCH_OUT (target/bench-runs/report-speed-<time>), BENCH_KEEP_JOURNAL (0: delete the journal at the end).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
days=${BENCH_DAYS:-30}
probes=${BENCH_PROBES:-10}
interval=${BENCH_INTERVAL:-10}
rounds=${BENCH_ROUNDS:-3}
c1=${BENCH_C1:-1}
aot=${BENCH_AOT:-1}
[ "$java_major" -ge 25 ] || aot=0
out=${BENCH_OUT:-$repo/target/bench-runs/report-speed-$(date -u +%Y%m%dT%H%M%SZ)}
[ "$rounds" -ge 1 ] && [ "$rounds" -le 9 ] || { echo "BENCH_ROUNDS: 1..9" >&2; exit 2; }
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }; }
chromium=$(command -v chromium || true)

# The jar as ./hypercare would build it, and the test classes for the journal generator.
(cd "$repo" && ./mvnw -q -B -o -DskipTests package && ./mvnw -q -B -o test-compile)
mkdir -p "$out"
journal="$out/journal"
rm -rf "$journal"
last=$(date -u -d yesterday +%Y-%m-%d)
trap 'drop_lock; [ "${BENCH_KEEP_JOURNAL:-0}" = 1 ] || rm -rf "$journal"' EXIT
take_lock
{ machine_info; echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"; echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$out/machine.txt"

"$java" -cp "$repo/target/test-classes:$repo/target/hypercare.jar:$repo/target/lib/*" \
  dev.hypercare.report.hypercare.BenchJournal "$journal" "$days" "$probes" "$interval" "$last" | tee -a "$out/machine.txt"
echo "journal: $(ls "$journal"/journal-*.log | wc -l) segments, $(du -sb "$journal" | cut -f1) bytes" | tee -a "$out/machine.txt"

# The policy: each probe's error rate (rollback > 10 % for 5m, escalate > 5 % for 15m), p95 (rollback > 5 s for 5m)
# and availability, at the default levels of DESIGN §5.
policy="$out/slo.yaml"
{
  printf 'version: 1\nminSamples: 100\nevaluationStep: 10s\nthresholds:\n'
  for i in $(seq 0 $((probes - 1))); do
    p=$(printf 'probe-%02d' "$i")
    printf '  - {name: "%s error rate", metric: error_rate, scope: "probe:%s", key: true, target: "< 0.5%%", warn: "> 1%%", critical: "> 5%%", rollback: "> 10%% for 5m", escalate: "> 5%% for 15m"}\n' "$p" "$p"
    printf '  - {name: "%s p95", metric: p95, scope: "probe:%s", key: true, target: "< 100ms", warn: "> 200ms", critical: "> 500ms", rollback: "> 5s for 5m"}\n' "$p" "$p"
    printf '  - {name: "%s availability", metric: availability, scope: "probe:%s", target: ">= 99.9%%", warn: "< 99.9%%", critical: "< 99.5%%"}\n' "$p" "$p"
  done
} > "$policy"

results="$out/results.tsv"
printf 'round\tkind\tvariant\twall_s\tpeak_rss_mb\texit\tcpu_s\n' > "$results"
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
exit_of() { awk -F': ' '/Exit status/ { print $2 }' "$1"; }
cpu_s() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$1"; }
warm() { cat "$journal"/journal-*.log > /dev/null; }
record() {  # ROUND KIND VARIANT FILE
  local w r e c; w=$(wall_s "$4"); r=$(rss_mb "$4"); e=$(exit_of "$4"); c=$(cpu_s "$4")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$w" "$r" "$e" "$c" >> "$results"
  printf '  round %s %-8s %-8s wall %6.2f s  cpu %6.2f s  peak RSS %5s MB  exit %s\n' "$1" "$2" "$3" "$w" "$c" "$r" "$e"
}
run() {  # ROUND KIND VARIANT JAVA_OPTS
  local f="$out/$2-$3-$1.txt" args
  if [ "$2" = startup ]; then args=(--version); else args=(report "$2" --journal "$journal" --date "$last" --policy "$policy" --out "$out/reports"); fi
  warm
  HYPERCARE_JAVA_OPTS="$4" /usr/bin/time -v "$repo/hypercare" "${args[@]}" > "$f" 2>&1 || true
  record "$1" "$2" "$3" "$f"
}
peer() {  # ROUND NAME COMMAND...
  local round=$1 name=$2 f="$out/$2-$1.txt"; shift 2
  warm
  /usr/bin/time -v -o "$f" "$@" "$journal"/journal-*.log > /dev/null 2>&1 || true
  record "$round" "$name" peer "$f"
}

variants=(default)
[ "$c1" = 1 ] && variants+=(c1)
if [ "$aot" = 1 ]; then
  # one training run records the classes loaded and linked and the methods' profiles into the cache
  HYPERCARE_JAVA_OPTS="-XX:AOTCacheOutput=$out/hypercare.aot" "$repo/hypercare" report weekly --journal "$journal" --date "$last" \
    --policy "$policy" --out "$out/training" > "$out/aot-training.txt" 2>&1 || true
  if [ -s "$out/hypercare.aot" ]; then variants+=(aot); else echo "no AOT cache made; see $out/aot-training.txt" >&2; fi
fi
for round in $(seq 1 "$rounds"); do
  for variant in "${variants[@]}"; do
    case "$variant" in
      c1) opts="-XX:TieredStopAtLevel=1" ;;
      aot) opts="-XX:AOTCache=$out/hypercare.aot" ;;
      *) opts="" ;;
    esac
    kinds=(startup daily weekly exit)
    [ $((round % 2)) -eq 0 ] && kinds=(exit weekly daily startup)   # alternate the order between rounds
    for kind in "${kinds[@]}"; do run "$round" "$kind" "$variant" "$opts"; done
  done
  peer "$round" cat cat
  peer "$round" wc wc -l
done

# Headless Chromium opens the daily HTML and takes a screenshot; console messages (errors, failed loads) fail the run.
html="$out/reports/daily-$last.html"
if [ -n "$chromium" ]; then
  "$chromium" --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --user-data-dir="$out/chromium-profile" \
    --window-size=1200,3000 --screenshot="$out/daily-$last.png" "file://$html" > "$out/chromium.log" 2>&1 || echo "chromium exited $?" >> "$out/chromium.log"
  console=$(grep -c ':CONSOLE' "$out/chromium.log" || true)
  if [ -s "$out/daily-$last.png" ] && [ "$console" = 0 ] && ! grep -q '^chromium exited' "$out/chromium.log"; then
    echo "chromium: opened $html without console messages; screenshot $out/daily-$last.png ($(stat -c %s "$out/daily-$last.png") bytes)" | tee "$out/chromium.txt"
  else
    echo "chromium: FAILED ($console console messages; see $out/chromium.log)" | tee "$out/chromium.txt"; exit 1
  fi
else
  echo "chromium: not installed, no screenshot" | tee "$out/chromium.txt"
fi

med() { sort -n | awk '{ v[n++] = $1 } END { if (n == 0) print "n/a"; else if (n % 2) print v[(n - 1) / 2]; else printf "%.2f", (v[n / 2 - 1] + v[n / 2]) / 2 }'; }
median() { awk -F'\t' -v k="$1" -v v="$2" -v c="$3" '$2 == k && $3 == v { print $c }' "$results" | med; }  # KIND VARIANT COLUMN
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
{
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  for variant in "${variants[@]}"; do
    s=$(median startup "$variant" 4)
    sc=$(median startup "$variant" 7)
    echo "[$variant] JVM start (hypercare --version): wall ${s}s, cpu ${sc}s, RSS $(median startup "$variant" 5) MB"
    for kind in daily weekly exit; do
      w=$(median "$kind" "$variant" 4); c=$(median "$kind" "$variant" 7)
      echo "[$variant] $kind: wall ${w}s (past JVM start $(minus "$w" "$s")s), cpu ${c}s (past JVM start $(minus "$c" "$sc")s), peak RSS $(median "$kind" "$variant" 5) MB, exit $(median "$kind" "$variant" 6)"
    done
  done
  c=$(median cat peer 4); wcl=$(median wc peer 4)
  echo "peers: cat ${c}s, wc -l ${wcl}s"
  for kind in daily weekly exit; do
    echo "ratio $kind (default) / wc -l: $(ratio "$(median "$kind" default 4)" "$wcl"); / cat: $(ratio "$(median "$kind" default 4)" "$c")"
  done
  cat "$out/chromium.txt"
} | tee "$out/summary.txt"
echo "raw outputs: $out"
