#!/usr/bin/env bash
# How many concurrent WebSockets one injector process holds: `hypercare load` with a websocket-only
# profile against the embedded demo target run as a separate process (`hypercare target`), for each N
# in BENCH_SOCKETS, after a tiny run (20 sockets) that gives the baseline RSS. Per run it reports:
# ws: connect OK/KO, all KOs, ws: connect p95 (Gatling's final console block), injector (Gatling JVM)
# and target RSS and open fds at the plateau (median of samples taken during the hold), and
# memory per socket = (injector RSS at plateau - RSS of the tiny run) / N.
# Settings (environment): BENCH_SOCKETS ("5000 10000 19000"), BENCH_HOLD (40, seconds), BENCH_OUT.
# The sockets ramp over N/165 s (5k: 30 s, 10k: 61 s, 19k: 115 s), at least 10 s, to stay within
# connect timeouts; heartbeatPeriod 25s; the target broadcasts once a second to every socket.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
sockets=${BENCH_SOCKETS:-"5000 10000 19000"}
hold=${BENCH_HOLD:-40}
out=${BENCH_OUT:-$repo/target/bench-runs/ws-$(date -u +%Y%m%dT%H%M%SZ)}
http_port=18180 ws_port=18181 admin_port=18182
for n in $sockets; do [ "$n" -ge 1 ] && [ "$n" -le 19900 ] || { echo "BENCH_SOCKETS: each 1..19900 (ulimit -n is $(ulimit -n))" >&2; exit 2; }; done
[ "$hold" -ge 30 ] && [ "$hold" -le 300 ] || { echo "BENCH_HOLD: 30..300" >&2; exit 2; }
build_if_needed
mkdir -p "$out"

target_pid=""
cleanup() { [ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null || true; drop_lock; }
trap cleanup EXIT
take_lock
machine_info | tee "$out/machine.txt"

rss_kib() { awk '/^VmRSS:/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
fds() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print 0 }'; }
time_wait() { ss -Htan state time-wait 2>/dev/null | wc -l; }

# ws: connect p95 from the last periodic/final console table, else from the Global block.
ws_stat() {  # FILE LABEL COLUMN -> last occurrence of "> LABEL | total | ok | ko"
  awk -F'|' -v label="$2" -v col="$3" 'index($1, "> " label " ") == 1 || $1 ~ "^> " label " *$" { v = $(col + 1) } END { gsub(/[ ,]/, "", v); if (v == "" || v == "-") v = 0; print v }' "$1"
}

# Gatling's console prints per-request counts only; per-request percentiles are in the HTML report's
# statistics table (column 10 = 95th pct, all requests).
connect_p95() {
  python3 - "$1" <<'PY' 2>/dev/null || echo "?"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
i = html.index(">ws: connect</span>")
print(re.search(r'class="value total col-10">([^<]*)<', html[i:]).group(1))
PY
}

printf 'sockets\tramp_s\tconnect_ok\tconnect_ko\tall_ko\tconnect_p95_ms\tinjector_rss_mib\tinjector_fds\ttarget_rss_mib\ttarget_fds\tinjector_heap_used_mib\tgatling_exit\n' > "$out/results.tsv"
base_rss=""
for n in 20 $sockets; do
  ramp=$(( n / 165 )); [ "$ramp" -lt 10 ] && ramp=10
  run_len=$(( ramp + hold ))
  # Earlier runs leave client ports in TIME_WAIT for 60 s: wait (bounded) until N more fit in 28,232.
  for _ in $(seq 1 18); do [ $(( $(time_wait) + n )) -lt 27500 ] && break; sleep 5; done
  profile="$out/ws-$n.yaml"
  cat > "$profile" <<YAML
name: bench-ws-$n
description: WebSocket capacity benchmark - $n sockets, websocket only
allowedTargets: []
phases:
  rampUp: ${ramp}s
  hold: ${hold}s
  rampDown: 0s
http:
  usersPerSecond: 0
websocket:
  connections: $n
  rampUp: ${ramp}s
  url: ws://127.0.0.1:$ws_port/ws
  heartbeatPeriod: 25s
  connectTimeout: 10s
YAML
  # A fresh target per run, so its RSS belongs to this N only.
  "$repo/hypercare" target --port $http_port --ws-port $ws_port --admin-port $admin_port --for $(( run_len + 240 ))s > "$out/target-$n.txt" 2>&1 &
  target_pid=$!
  for _ in $(seq 1 60); do curl -fsS -m 2 "http://127.0.0.1:$http_port/api/health" >/dev/null 2>&1 && break; sleep 1; done
  "$repo/hypercare" load --no-probes --profile "$profile" --target "http://127.0.0.1:$http_port" --reports "$out/runs-$n" > "$out/load-$n.txt" 2>&1 &
  load_pid=$!
  gatling=""
  for _ in $(seq 1 60); do gatling=$(pgrep -P "$load_pid" -f io.gatling.app.Gatling || true); [ -n "$gatling" ] && break; sleep 1; done
  # Sample every 2 s; plateau = the hold, minus 5 s at each end.
  t0=$(date +%s); : > "$out/samples-$n.tsv"; heap_used=""
  while kill -0 "$load_pid" 2>/dev/null && [ $(( $(date +%s) - t0 )) -lt $(( run_len + 200 )) ]; do
    t=$(( $(date +%s) - t0 ))
    printf '%s\t%s\t%s\t%s\t%s\n' "$t" "$(rss_kib "$gatling")" "$(fds "$gatling")" "$(rss_kib "$target_pid")" "$(fds "$target_pid")" >> "$out/samples-$n.tsv"
    if [ -z "$heap_used" ] && [ "$t" -ge $(( run_len - 8 )) ] && [ -n "$gatling" ]; then
      # Live heap near the end of the hold (after a full GC): what the sockets really keep.
      heap_used=$("$JAVA_HOME/bin/jcmd" "$gatling" GC.run >/dev/null 2>&1; "$JAVA_HOME/bin/jcmd" "$gatling" GC.heap_info 2>/dev/null | awk '/PSYoungGen|ParOldGen|garbage-first heap/ { for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); sum += v } } END { print int(sum / 1024) }')
    fi
    sleep 2
  done
  wait "$load_pid" || true
  kill "$target_pid" 2>/dev/null || true; wait "$target_pid" 2>/dev/null || true; target_pid=""
  plateau() { awk -F'\t' -v a=$(( ramp + 5 )) -v b=$(( run_len - 10 )) -v c="$1" '$1 >= a && $1 <= b { print $c }' "$out/samples-$n.tsv" | median; }
  inj_rss=$(( $(plateau 2) / 1024 )); inj_fds=$(plateau 3); tgt_rss=$(( $(plateau 4) / 1024 )); tgt_fds=$(plateau 5)
  g=$(ls -d "$out/runs-$n"/*/gatling.out 2>/dev/null | tail -1 || true)
  exit_code=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['gatlingExitCode'])" "$(dirname "$g")/run.json" 2>/dev/null || echo "?")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$ramp" "$(ws_stat "$g" "ws: connect" 2)" "$(ws_stat "$g" "ws: connect" 3)" \
    "$(gatling_ko "$g")" "$(connect_p95 "$(dirname "$g")/gatling/index.html")" \
    "$inj_rss" "$inj_fds" "$tgt_rss" "$tgt_fds" "${heap_used:-?}" "$exit_code" >> "$out/results.tsv"
  [ -z "$base_rss" ] && base_rss=$inj_rss
  tail -1 "$out/results.tsv"
done
echo
column -t -s $'\t' "$out/results.tsv"
awk -F'\t' -v base="$base_rss" 'NR > 2 { printf "  %s sockets: (%s - %s MiB) / N = %.1f KiB per socket in the injector (RSS); target %s MiB\n", $1, $7, base, ($7 - base) * 1024 / $1, $9 }' "$out/results.tsv"
echo "raw outputs: $out"
