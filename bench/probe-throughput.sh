#!/usr/bin/env bash
# Probe throughput of `hypercare probe` against prometheus-blackbox-exporter, on the same nginx in one run:
#   hypercare  java [JVM options] -jar target/hypercare.jar probe --config <N http probes every I> --journal <tmp>
#              --listen 127.0.0.1:0 --duration <warm-up + window + 5 s>; N/I = the target rate (1,000 probes/s)
#   blackbox   prometheus-blackbox-exporter (Debian package) with bench/probes/blackbox.yml (http_2xx: GET,
#              status 200, same timeout), driven at the same rate by bench/simulations/blackbox-driver.py
#              (GET /probe over keep-alive, rate-limited, its own CPU measured apart)
# Both probe the same nginx (bench/nginx-target.sh, 1 worker): /api/health, /api/health/live,
# /api/health/ready and / in turn, each one fresh connection per probe (both probers open one per probe).
# A shape "NxI" is N probes every I (hypercare); blackbox gets the same rate and timeout. The probe timeout
# is 3/4 of the interval, at most 2 s (hypercare requires timeout < interval).
# Each measurement: start the prober, wait BENCH_WARMUP s (JIT warm-up), then measure over BENCH_SECONDS s:
#   rate      hypercare: sum of hypercare_probe_results_total on /metrics, sampled at both ends;
#             blackbox: the driver's own counts at both ends (SIGUSR1), a success = "probe_success 1"
#   CPU       utime + stime deltas of /proc/PID/stat, in cores; also nginx (master + worker), the driver,
#             and "other" = the whole machine's busy time (/proc/stat) minus ours: the noise of the window
#   RSS       VmRSS every 2 s (average) and VmHWM at the end (peak since start)
# Before every measurement the script waits (at most BENCH_QUIET_WAIT s) until the machine is quiet
# (under BENCH_MAX_OTHER cores busy), and reruns a measurement (at most BENCH_RETRIES times) whose "other"
# exceeded BENCH_MAX_OTHER. Rounds alternate the order of the probers so drift hits both.
# Settings (environment): BENCH_SECONDS (60), BENCH_WARMUP (30), BENCH_ROUNDS (2), BENCH_SHAPES ("200x200ms 1000x1s"),
#   BENCH_JVM ("shipped=-Xmx256m;xmx128=-Xmx128m", ';'-separated NAME=OPTIONS for hypercare's JVM; "shipped" is what
#   ./hypercare gives probe), BENCH_MAX_OTHER (0.25), BENCH_RETRIES (2), BENCH_QUIET_WAIT (600), BENCH_PORT (8089),
#   BENCH_BLACKBOX_PORT (19115), BENCH_DRIVER_THREADS (16), BENCH_PROFILE (0; 1 = one more hypercare run of the
#   first shape with JFR, summarised with `jfr view`), BENCH_BREAKDOWN (0; 1 = bench/simulations/ProbeCost.java
#   on the first shape: Hypercare's scheduler alone, results only counted, with its HttpProber as shipped, with
#   its fallback of a client per probe, and with bare shared clients, to split the runner's cost from the
#   prober's), BENCH_OUT (target/bench-runs/probe-<time>).
# Prints one line per measurement, a table and the hypercare/blackbox ratios; raw outputs stay in BENCH_OUT.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${BENCH_SECONDS:-60}
warmup=${BENCH_WARMUP:-30}
rounds=${BENCH_ROUNDS:-2}
shapes=${BENCH_SHAPES:-"200x200ms 1000x1s"}
jvm_variants=${BENCH_JVM-"shipped=-Xmx256m;xmx128=-Xmx128m"}
max_other=${BENCH_MAX_OTHER:-0.25}
retries=${BENCH_RETRIES:-2}
quiet_wait=${BENCH_QUIET_WAIT:-600}
port=${BENCH_PORT:-8089}
bb_port=${BENCH_BLACKBOX_PORT:-19115}
driver_threads=${BENCH_DRIVER_THREADS:-16}
profile=${BENCH_PROFILE:-0}
breakdown=${BENCH_BREAKDOWN:-0}
out=${BENCH_OUT:-$repo/target/bench-runs/probe-$(date -u +%Y%m%dT%H%M%SZ)}
url="http://127.0.0.1:$port"
nginx_dir=${NGINX_TARGET_DIR:-/tmp/hypercare-nginx-target}
hz=$(getconf CLK_TCK)
paths=(/api/health /api/health/live /api/health/ready /)
[ "$seconds" -ge 30 ] && [ "$seconds" -le 600 ] || { echo "BENCH_SECONDS: 30..600" >&2; exit 2; }
[ "$warmup" -ge 10 ] && [ "$warmup" -le 300 ] || { echo "BENCH_WARMUP: 10..300" >&2; exit 2; }
[ "$rounds" -ge 1 ] && [ "$rounds" -le 5 ] || { echo "BENCH_ROUNDS: 1..5" >&2; exit 2; }
[ "$retries" -ge 0 ] && [ "$retries" -le 5 ] || { echo "BENCH_RETRIES: 0..5" >&2; exit 2; }
[ "$quiet_wait" -ge 0 ] && [ "$quiet_wait" -le 3600 ] || { echo "BENCH_QUIET_WAIT: 0..3600" >&2; exit 2; }
for s in $shapes; do
  [[ "$s" =~ ^([0-9]+)x([0-9]+)(ms|s)$ ]] || { echo "BENCH_SHAPES: expected shapes like 200x200ms or 1000x1s, found '$s'" >&2; exit 2; }
done

# --- the shapes --------------------------------------------------------------------------------------------
shape_n() { [[ "$1" =~ ^([0-9]+)x ]] && echo "${BASH_REMATCH[1]}"; }
shape_interval_ms() { [[ "$1" =~ x([0-9]+)(ms|s)$ ]] && if [ "${BASH_REMATCH[2]}" = s ]; then echo $((BASH_REMATCH[1] * 1000)); else echo "${BASH_REMATCH[1]}"; fi; }
shape_timeout_ms() { local t=$(( $(shape_interval_ms "$1") * 3 / 4 )); [ "$t" -gt 2000 ] && t=2000; echo "$t"; }
shape_rate() { awk -v n="$(shape_n "$1")" -v ms="$(shape_interval_ms "$1")" 'BEGIN { printf "%.1f", n * 1000 / ms }'; }

write_probes() {  # SHAPE FILE: N http probes, the nginx paths in turn, only the status condition
  local n i ms to; n=$(shape_n "$1"); ms=$(shape_interval_ms "$1"); to=$(shape_timeout_ms "$1")
  {
    echo "# generated by bench/probe-throughput.sh: $n probes every ${ms}ms = $(shape_rate "$1") probes/s"
    echo "service: bench"
    echo "probes:"
    for i in $(seq 1 "$n"); do
      printf '  - name: p%05d\n    kind: http\n    url: %s%s\n    interval: %sms\n    timeout: %sms\n    conditions:\n      - "[STATUS] == 200"\n' \
        "$i" "$url" "${paths[$((i % ${#paths[@]}))]}" "$ms" "$to"
    done
  } > "$2"
}

# --- measuring -------------------------------------------------------------------------------------------
proc_jiffies() {  # PID...: utime + stime of the processes (0 for one that is gone)
  local p s=0 v
  for p in "$@"; do
    v=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{ print $12 + $13 }') || v=0
    s=$((s + ${v:-0}))
  done
  echo "$s"
}
task_jiffies() {  # PID: "TID JIFFIES COMM" of each of its threads now
  local t j
  for t in /proc/"$1"/task/*; do
    j=$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{ print $12 + $13 }')
    printf '%s %s %s\n' "${t##*/}" "${j:-0}" "$(cat "$t/comm" 2>/dev/null || echo gone)"
  done
}

exposition_jiffies() { task_jiffies "$1" | awk '$3 ~ /^hypercare-expos/ { s += $2 } END { print s + 0 }'; }

# split_threads PREFIX: the process CPU of a window by thread group; threads born or dead within the
# window (HttpClient's per-client threads, mostly) are only visible as the remainder
split_threads() {
  awk -v hz="$hz" -v totfile="$1.total" 'BEGIN { getline tot < totfile; split(tot, T, " "); dt = T[3] - T[2] }
    FNR == NR { a[$1] = $2; next }
    ($1 in a) { name = substr($0, index($0, $3)); d = $2 - a[$1]
      if (name ~ /^C[12] CompilerThre/) g = "JIT compiler threads"
      else if (name ~ /^(GC Thread|G1 |VM Thread|VM Periodic)/) g = "GC and VM threads"
      else if (name ~ /^ForkJoinPool-/) g = "virtual-thread carriers (probe runs, HttpProber)"
      else if (name ~ /^HttpClient-/) g = "HttpClient threads alive at both ends"
      else if (name ~ /^hypercare-judge/) g = "hypercare-judge (windows, policy, incidents)"
      else if (name ~ /^hypercare-expos/) g = "hypercare-exposition (/metrics)"
      else if (name ~ /^hypercare-probe/) g = "hypercare-probe-scheduler (timer)"
      else if (name ~ /^journal-flush/) g = "journal flusher (fsync)"
      else if (name ~ /^JFR /) g = "JFR"
      else g = "other long-lived threads"
      s[g] += d; seen += d }
    END { printf "  %-52s %6.3f cores (100 %%)\n", "process", T[1] / hz / dt
      for (g in s) printf "  %-52s %6.3f cores (%4.1f %%)\n", g, s[g] / hz / dt, 100 * s[g] / T[1] | "sort -k2 -rn"
      close("sort -k2 -rn")
      printf "  %-52s %6.3f cores (%4.1f %%)\n", "threads born or ended within the window", (T[1] - seen) / hz / dt, 100 * (T[1] - seen) / T[1] }' \
    "$1.0" "$1.1"
}

machine_busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
now() { date +%s.%N; }
load1() { cut -d' ' -f1 /proc/loadavg; }
dir_bytes() { du -sb "$1" 2>/dev/null | cut -f1; }
nginx_pids() { local m; m=$(cat "$nginx_dir/nginx.pid"); echo "$m" $(pgrep -P "$m" || true); }

busy_cores() {  # SECONDS: cores busy on the whole machine over that time
  local b0 t0 b1 t1; b0=$(machine_busy_jiffies); t0=$(now); sleep "$1"; b1=$(machine_busy_jiffies); t1=$(now)
  awk -v b="$((b1 - b0))" -v t0="$t0" -v t1="$t1" -v hz="$hz" 'BEGIN { printf "%.2f", b / hz / (t1 - t0) }'
}

wait_quiet() {  # waits until the machine (with only nginx of ours, idle) is under max_other cores busy
  local start=$SECONDS c
  while :; do
    c=$(busy_cores 5)
    if awk -v c="$c" -v m="$max_other" 'BEGIN { exit !(c < m) }'; then return 0; fi
    if [ $((SECONDS - start)) -ge "$quiet_wait" ]; then
      echo "    machine still busy after ${quiet_wait}s ($c cores, load $(load1)): measuring anyway, the rerun rule applies" >&2
      return 0
    fi
    echo "    waiting for a quiet machine: $c cores busy, load $(load1)" >&2
    sleep 10
  done
}

# measure PROBER_PID DRIVER_PID COUNT_FUNCTION: prints the figures of one window as KEY=VALUE words
measure() {
  local pid=$1 dpid=$2 count=$3 ng rss_sum=0 rss_n=0 r i
  ng=$(nginx_pids)
  local c0 p0 n0 d0 b0 t0 c1 p1 n1 d1 b1 t1 l0
  l0=$(load1)
  local j0=0 j1=0
  [ -n "$measure_dir" ] && j0=$(dir_bytes "$measure_dir")
  c0=$($count); p0=$(proc_jiffies "$pid"); n0=$(proc_jiffies $ng); d0=$(proc_jiffies $dpid); b0=$(machine_busy_jiffies); t0=$(now)
  [ -n "$measure_tasks" ] && task_jiffies "$pid" > "$measure_tasks.0"
  for i in $(seq 1 $((seconds / 2))); do
    sleep 2
    r=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    rss_sum=$((rss_sum + r)); rss_n=$((rss_n + 1))
  done
  c1=$($count); p1=$(proc_jiffies "$pid"); n1=$(proc_jiffies $ng); d1=$(proc_jiffies $dpid); b1=$(machine_busy_jiffies); t1=$(now)
  [ -n "$measure_tasks" ] && task_jiffies "$pid" > "$measure_tasks.1" && echo "$((p1 - p0)) $t0 $t1" > "$measure_tasks.total"
  [ -n "$measure_dir" ] && j1=$(dir_bytes "$measure_dir")
  local hwm threads
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status"); threads=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
  # counts are "TIME TOTAL OK" (TIME in seconds on the counter's own clock)
  awk -v c0="$c0" -v c1="$c1" -v p="$((p1 - p0))" -v n="$((n1 - n0))" -v d="$((d1 - d0))" -v b="$((b1 - b0))" \
      -v t0="$t0" -v t1="$t1" -v hz="$hz" -v rs="$rss_sum" -v rn="$rss_n" -v hwm="$hwm" -v th="$threads" -v l0="$l0" -v l1="$(load1)" -v jb="$((j1 - j0))" 'BEGIN {
    split(c0, a, " "); split(c1, z, " "); dt = t1 - t0
    probes = z[2] - a[2]; ok = z[3] - a[3]; rate = probes / (z[1] - a[1])
    cores = p / hz / dt; other = (b - p - n - d) / hz / dt
    printf "rate=%.1f success=%.3f cores=%.3f cpu_ms_per_1000=%.0f rss_avg=%.1f rss_peak=%.1f nginx=%.3f driver=%.3f other=%.2f load=%s/%s threads=%d probes=%d",
      rate, (probes > 0 ? 100 * ok / probes : 0), cores, (rate > 0 ? cores * 1e6 / rate : 0), rs / rn / 1024, hwm / 1024,
      n / hz / dt, d / hz / dt, other, l0, l1, th, probes
    if (jb > 0) printf " journal_bytes_per_result=%.0f", jb / probes
    printf "\n" }'
}

hypercare_counts() {  # "TIME TOTAL OK" from /metrics; TIME = the middle of the scrape, which takes seconds at 1,000 probes
  local t0 page; t0=$(now)
  page=$(curl -fsS -m 30 "http://127.0.0.1:$hc_port/metrics")
  awk -v t0="$t0" -v t1="$(now)" '/^hypercare_probe_results_total\{/ { n += $NF; if ($0 ~ /reason="ok"/) ok += $NF }
    END { printf "%.6f %d %d\n", (t0 + t1) / 2, n, ok }' <<< "$page"
}

blackbox_counts() {  # "TIME TOTAL OK" from the driver (its monotonic clock)
  local before=0; [ -f "$driver_counts" ] && before=$(wc -l < "$driver_counts")
  kill -USR1 "$driver_pid"
  for _ in $(seq 1 50); do
    [ -f "$driver_counts" ] && [ "$(wc -l < "$driver_counts")" -gt "$before" ] && break
    sleep 0.1
  done
  tail -1 "$driver_counts" | awk '{ print $1, $2, $3 }'
}

# --- the two probers -------------------------------------------------------------------------------------
hc_pid=""; hc_port=""; bb_pid=""; driver_pid=""; driver_counts=""; measure_dir=""; measure_tasks=""

run_hypercare() {  # SHAPE VARIANT-NAME JVM-OPTIONS [EXTRA JVM OPTION]: one measurement, figures to $figures_file
  local shape=$1 name=$2 opts=$3 extra=${4:-} tag="hypercare-$name-$1-$run_id" total=$((warmup + seconds + 300))
  local journal="$out/$tag.journal" log="$out/$tag.log"
  rm -rf "$journal"
  : > "$log"  # before the start: the loop below reads it at once
  # shellcheck disable=SC2086 # options are words
  HYPERCARE_HOME="$repo" "$java" $opts $extra -jar "$repo/target/hypercare.jar" probe --config "$out/probes-$shape.yaml" \
    --policy "$repo/profiles/slo.yaml" --journal "$journal" --listen 127.0.0.1:0 --duration "${total}s" > "$log" 2>&1 &
  hc_pid=$!
  hc_port=""
  for _ in $(seq 1 300); do
    hc_port=$(sed -n 's#^hypercare probe: .* status http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$log" | head -1)
    [ -n "$hc_port" ] && break
    kill -0 "$hc_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$hc_port" ] || { echo "hypercare did not start; see $log" >&2; cat "$log" >&2; return 1; }
  sleep "$warmup"
  measure_dir=$journal
  local figures; figures=$(measure "$hc_pid" "" hypercare_counts)
  measure_dir=""
  # what one /metrics scrape costs: 3 scrapes, CPU of the exposition server's threads (they render the page)
  local s0 s1 w0 w1 bytes=0 i
  s0=$(exposition_jiffies "$hc_pid"); w0=$(now)
  for i in 1 2 3; do bytes=$(curl -fsS -m 30 "http://127.0.0.1:$hc_port/metrics" | wc -c || echo 0); done
  s1=$(exposition_jiffies "$hc_pid"); w1=$(now)
  figures="$figures $(awk -v j="$((s1 - s0))" -v w0="$w0" -v w1="$w1" -v hz="$hz" -v b="$bytes" 'BEGIN {
    printf "scrape_bytes=%d scrape_wall_ms=%.0f scrape_cpu_ms=%.0f", b, (w1 - w0) * 1000 / 3, j / hz * 1000 / 3 }')"
  # SIGTERM ends it as Ctrl-C would (journal closed, exit code = service state); --duration only bounds it
  local rc=0
  kill -TERM "$hc_pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$hc_pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$hc_pid" 2>/dev/null && { echo "hypercare did not stop within 30 s of SIGTERM; killing it" >&2; kill -KILL "$hc_pid"; }
  wait "$hc_pid" || rc=$?
  hc_pid=""
  echo "$figures exit=$rc journal_mib=$(du -sk "$journal" | awk '{ printf "%.1f", $1 / 1024 }')" > "$figures_file"
  rm -rf "$journal"
}

run_blackbox() {  # SHAPE: one measurement, figures to $figures_file
  local shape=$1 tag="blackbox-$1-$run_id" total=$((warmup + seconds + 5)) t
  local log="$out/$tag.log" conf="$out/blackbox-$shape.yml"
  sed "s/^    timeout: .*/    timeout: $(shape_timeout_ms "$shape")ms/" "$bench_dir/probes/blackbox.yml" > "$conf"
  prometheus-blackbox-exporter --config.file="$conf" --web.listen-address="127.0.0.1:$bb_port" > "$log" 2>&1 &
  bb_pid=$!
  for _ in $(seq 1 100); do curl -fsS -m 1 "http://127.0.0.1:$bb_port/metrics" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fsS -m 5 "http://127.0.0.1:$bb_port/probe?module=http_2xx&target=$url/api/health" | grep -q '^probe_success 1' \
    || { echo "blackbox exporter did not probe nginx; see $log" >&2; return 1; }
  driver_counts="$out/$tag.counts"; rm -f "$driver_counts"
  local targets=(); for t in "${paths[@]}"; do targets+=(--target "$url$t"); done
  python3 "$bench_dir/simulations/blackbox-driver.py" --exporter "127.0.0.1:$bb_port" "${targets[@]}" \
    --rate "$(shape_rate "$shape")" --threads "$driver_threads" --seconds "$total" --counts "$driver_counts" > "$out/$tag.driver.log" 2>&1 &
  driver_pid=$!
  sleep "$warmup"
  local figures; figures=$(measure "$bb_pid" "$driver_pid" blackbox_counts)
  kill "$driver_pid" 2>/dev/null || true
  wait "$driver_pid" 2>/dev/null || true
  driver_pid=""
  kill "$bb_pid"; wait "$bb_pid" 2>/dev/null || true
  bb_pid=""
  echo "$figures late=$(tail -1 "$driver_counts" | awk '{ print $6 }')" > "$figures_file"
}

# --- the run ---------------------------------------------------------------------------------------------
build_if_needed
mkdir -p "$out"
have_blackbox=1
if ! command -v prometheus-blackbox-exporter >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus-blackbox-exporter; } >/dev/null 2>&1 || true
  command -v prometheus-blackbox-exporter >/dev/null || { have_blackbox=0; echo "prometheus-blackbox-exporter is missing and could not be installed: measuring hypercare alone, no ratios" >&2; }
  # the package starts its own service on :9115; ours is a separate process on 127.0.0.1
fi
for s in $shapes; do write_probes "$s" "$out/probes-$s.yaml"; done

cleanup() {
  for p in "$hc_pid" "$driver_pid" "$bb_pid"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  bash "$nginx_script" stop >/dev/null 2>&1 || true
  drop_lock
}
trap cleanup EXIT
take_lock
bash "$nginx_script" start "$port" >/dev/null
curl -fsS -m 5 "$url/api/health" >/dev/null
{
  machine_info
  echo "nginx: $(nginx -v 2>&1); blackbox: $( [ "$have_blackbox" = 1 ] && prometheus-blackbox-exporter --version 2>&1 | head -1 || echo missing); python: $(python3 --version 2>&1)"
  echo "warm-up ${warmup}s, window ${seconds}s, rounds $rounds, shapes: $shapes; hypercare JVM: $jvm_variants"
  echo "quiet rule: other < $max_other cores (at most $retries reruns); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

results="$out/results.tsv"
figures_file="$out/.figures"
printf 'round\tprober\tshape\ttarget\tattempt\tfigures\n' > "$results"
IFS=';' read -r -a variants <<< "$jvm_variants"

measure_with_reruns() {  # ROUND PROBER SHAPE COMMAND...: runs, reruns while the machine was busy, records
  local round=$1 prober=$2 shape=$3; shift 3
  local attempt figures other
  for attempt in $(seq 0 "$retries"); do
    wait_quiet
    run_id="r$round-a$attempt"
    "$@"
    figures=$(cat "$figures_file")
    other=$(sed -n 's/.*other=\([-0-9.]*\).*/\1/p' <<< "$figures")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$prober" "$shape" "$(shape_rate "$shape")" "$attempt" "$figures" >> "$results"
    printf '  round %s %-22s %-10s %s\n' "$round" "$prober" "$shape" "$figures"
    if awk -v o="$other" -v m="$max_other" 'BEGIN { exit !(o < m) }'; then return 0; fi
    echo "    busy window (other $other cores >= $max_other): rerun" >&2
  done
}

for round in $(seq 1 "$rounds"); do
  for shape in $shapes; do
    order=(); for v in "${variants[@]}"; do order+=("hypercare:$v"); done
    [ "$have_blackbox" = 1 ] && order+=("blackbox")
    if [ $((round % 2)) -eq 0 ]; then for ((i = 0, j = ${#order[@]} - 1; i < j; i++, j--)); do t=${order[i]}; order[i]=${order[j]}; order[j]=$t; done; fi
    echo "round $round, shape $shape ($(shape_rate "$shape") probes/s, timeout $(shape_timeout_ms "$shape")ms): ${order[*]}"
    for item in "${order[@]}"; do
      if [ "$item" = blackbox ]; then
        measure_with_reruns "$round" blackbox "$shape" run_blackbox "$shape"
      else
        v=${item#hypercare:}; name=${v%%=*}; opts=${v#*=}
        measure_with_reruns "$round" "hypercare-$name" "$shape" run_hypercare "$shape" "$name" "$opts"
      fi
    done
  done
done

if [ "$profile" = 1 ]; then
  shape=${shapes%% *}; v=${variants[0]}; name=${v%%=*}; opts=${v#*=}
  echo "profile: hypercare-$name, shape $shape, JFR (settings=profile) over the window"
  run_id=profile
  measure_tasks="$out/profile-threads"
  run_hypercare "$shape" "$name" "$opts" "-XX:StartFlightRecording=filename=$out/hypercare.jfr,settings=profile,delay=${warmup}s,duration=${seconds}s"
  measure_tasks=""
  echo "  with JFR: $(cat "$figures_file")"
  echo "  CPU by thread over the window (/proc/PID/task):"
  split_threads "$out/profile-threads" | tee "$out/profile-threads.txt"
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$out/hypercare.jfr" > "$out/jfr-samples.txt"
  echo "  JFR execution samples by what they were doing (Java frames only: thread start/exit, GC and JIT are not sampled):"
  awk -f "$bench_dir/probes/jfr-categories.awk" "$out/jfr-samples.txt" | tee "$out/jfr-categories.txt"
  for view in hot-methods cpu-time-hot-methods allocation-by-class gc thread-count; do
    "$JAVA_HOME/bin/jfr" view --width 200 "$view" "$out/hypercare.jfr" > "$out/jfr-$view.txt" 2>&1 || true
  done
  echo "  JFR views: $out/jfr-*.txt"
fi

if [ "$breakdown" = 1 ]; then
  shape=${shapes%% *}; v=${variants[0]}; opts=${v#*=}
  mkdir -p "$out/classes"
  "$JAVA_HOME/bin/javac" -nowarn -d "$out/classes" -cp "$repo/target/hypercare.jar:$repo/target/lib/*" "$bench_dir/simulations/ProbeCost.java"
  echo "breakdown: bench/simulations/ProbeCost.java, shape $shape, JVM options '${opts}', warm-up ${warmup}s, window ${seconds}s"
  for mode in hypercare client-per-probe shared-close shared-keepalive; do
    wait_quiet
    c0=$(proc_jiffies $(nginx_pids)); b0=$(machine_busy_jiffies); t0=$(now)
    # shellcheck disable=SC2086
    line=$(timeout $((warmup + seconds + 60)) "$java" $opts \
      -cp "$out/classes:$repo/target/hypercare.jar:$repo/target/lib/*" ProbeCost "$out/probes-$shape.yaml" "$mode" "$warmup" "$seconds" | tail -1)
    c1=$(proc_jiffies $(nginx_pids)); b1=$(machine_busy_jiffies); t1=$(now)
    echo "  $line nginx_whole_run=$(awk -v c="$((c1 - c0))" -v t0="$t0" -v t1="$t1" -v hz="$hz" 'BEGIN { printf "%.3f", c / hz / (t1 - t0) }') machine_whole_run=$(awk -v c="$((b1 - b0))" -v t0="$t0" -v t1="$t1" -v hz="$hz" 'BEGIN { printf "%.2f", c / hz / (t1 - t0) }') load=$(load1)" \
      | tee -a "$out/breakdown.txt"
  done
fi

# --- summary: the last attempt of each measurement -------------------------------------------------------
echo
echo "summary (last attempt of each; RSS in MiB, CPU in cores; cpu/1k = ms of CPU per 1,000 probes):"
summary=$(awk -F'\t' 'NR > 1 { k = $1 "\t" $2 "\t" $3; last[k] = $0; if (!(k in seen)) { seen[k] = 1; keys[++n] = k } }
  END { for (i = 1; i <= n; i++) print last[keys[i]] }' "$results")
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p"; }
printf '%-6s %-22s %-10s %7s %9s %8s %6s %7s %8s %8s %6s %6s %6s %s\n' round prober shape target probes/s success cores cpu/1k rss_avg rss_peak nginx driver other load
while IFS=$'\t' read -r r p s t a f; do
  printf '%-6s %-22s %-10s %7s %9s %8s %6s %7s %8s %8s %6s %6s %6s %s\n' "$r" "$p" "$s" "$t" \
    "$(field rate <<< "$f")" "$(field success <<< "$f")" "$(field cores <<< "$f")" "$(field cpu_ms_per_1000 <<< "$f")" \
    "$(field rss_avg <<< "$f")" "$(field rss_peak <<< "$f")" "$(field nginx <<< "$f")" "$(field driver <<< "$f")" \
    "$(field other <<< "$f")" "$(field load <<< "$f")"
done <<< "$summary"

echo
echo "goal per hypercare measurement: >= 99 % of the target rate, < 0.5 core, peak RSS < 256 MB (244.1 MiB):"
while IFS=$'\t' read -r r p s t a f; do
  [[ "$p" == hypercare-* ]] || continue
  awk -v r="$r" -v p="$p" -v s="$s" -v t="$t" -v rate="$(field rate <<< "$f")" -v c="$(field cores <<< "$f")" -v m="$(field rss_peak <<< "$f")" 'BEGIN {
    ok = rate >= 0.99 * t && c < 0.5 && m < 256e6 / 1048576
    printf "  round %s %s %s: %s (rate %.1f of %s, %.3f cores, peak %.1f MiB)\n", r, p, s, ok ? "MET" : "NOT MET", rate, t, c, m }'
done <<< "$summary"

if [ "$have_blackbox" = 1 ]; then
  echo
  echo "ratios hypercare/blackbox (same round and shape): CPU per probe, RSS average, RSS peak:"
  while IFS=$'\t' read -r r p s t a f; do
    [[ "$p" == hypercare-* ]] || continue
    b=$(awk -F'\t' -v r="$r" -v s="$s" '$1 == r && $2 == "blackbox" && $3 == s { f = $6 } END { print f }' <<< "$summary")
    [ -n "$b" ] || continue
    printf '  round %s %s %s: cpu/probe %s, rss avg %s, rss peak %s\n' "$r" "$p" "$s" \
      "$(ratio "$(field cpu_ms_per_1000 <<< "$f")" "$(field cpu_ms_per_1000 <<< "$b")")" \
      "$(ratio "$(field rss_avg <<< "$f")" "$(field rss_avg <<< "$b")")" \
      "$(ratio "$(field rss_peak <<< "$f")" "$(field rss_peak <<< "$b")")"
  done <<< "$summary"
fi
echo "raw outputs: $out"
