#!/usr/bin/env bash
# HTTP throughput of Hypercare's injector against its peers, on the same nginx (1 worker) in one run:
#   wrk        wrk -t2 -c64 -d${SECONDS}s on /api/health (the ceiling of this machine + target)
#   bare       a plain Gatling 3.16 simulation (bench/simulations/BareHealthSimulation.java): 64 users
#              loop over the 3 health GETs with status + jsonPath checks, Gatling's default JVM options
#              and gatling.conf (analytics and warm-up off), run through io.gatling.app.Gatling
#   hypercare  ./hypercare load --no-probes --profile bench/profiles/http-64.yaml --target <nginx>
# Rounds alternate the order (wrk,bare,hypercare then hypercare,bare,wrk) so drift hits all three.
# Settings (environment): BENCH_SECONDS (60), BENCH_ROUNDS (2), BENCH_PORT (8089), BENCH_OUT (target/bench-runs/http-<time>).
# Prints one line per measurement and the ratios per round; raw outputs stay in BENCH_OUT.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${BENCH_SECONDS:-60}
rounds=${BENCH_ROUNDS:-2}
port=${BENCH_PORT:-8089}
out=${BENCH_OUT:-$repo/target/bench-runs/http-$(date -u +%Y%m%dT%H%M%SZ)}
url="http://127.0.0.1:$port"
[ "$seconds" -ge 30 ] && [ "$seconds" -le 600 ] || { echo "BENCH_SECONDS: 30..600" >&2; exit 2; }
[ "$rounds" -ge 1 ] && [ "$rounds" -le 5 ] || { echo "BENCH_ROUNDS: 1..5" >&2; exit 2; }

build_if_needed
mkdir -p "$out/classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$out/classes" -cp "$repo/target/hypercare.jar:$repo/target/lib/*" "$bench_dir/simulations/BareHealthSimulation.java"
cp "$bench_dir/simulations/gatling.conf" "$bench_dir/simulations/logback.xml" "$out/classes/"
sed "s/^  hold: .*/  hold: ${seconds}s/" "$bench_dir/profiles/http-64.yaml" > "$out/http-64.yaml"

cleanup() { bash "$nginx_script" stop >/dev/null 2>&1 || true; drop_lock; }
trap cleanup EXIT
take_lock
bash "$nginx_script" start "$port" >/dev/null
curl -fsS -m 5 "$url/api/health" >/dev/null
{ machine_info; echo "nginx: $(nginx -v 2>&1); wrk: $(wrk -v 2>&1 | head -1)"; echo "seconds per run: $seconds, rounds: $rounds"; } | tee "$out/machine.txt"

results="$out/results.tsv"
printf 'round\tkind\trps\trequests\tko\n' > "$results"
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; printf '  round %s %-10s %10s rps  (%s requests, %s KO)\n' "$@"; }

run_wrk() {  # ROUND
  local f="$out/wrk-$1.txt"
  timeout $((seconds + 30)) wrk -t2 -c64 -d"${seconds}s" --latency "$url/api/health" > "$f"
  local rps n; rps=$(awk '/^Requests\/sec:/{print $2}' "$f"); n=$(awk '/requests in/{print $1}' "$f")
  record "$1" wrk "$rps" "$n" "$(awk '/Non-2xx/ { v = $NF } /Socket errors/ { e = $0 } END { print v + 0 (e ? " (" e ")" : "") }' "$f")"
}

run_bare() {  # ROUND
  local f="$out/bare-$1.txt"
  timeout $((seconds + 180)) "$java" "${gatling_default_jvm[@]}" "${quiet_jdk[@]}" \
    -Dbench.target="$url" -Dbench.users=64 -Dbench.seconds="$seconds" \
    -cp "$out/classes:$repo/target/lib/*" io.gatling.app.Gatling \
    --simulation BareHealthSimulation --results-folder "$out/bare-$1" --launcher bench > "$f" 2>&1
  record "$1" bare "$(gatling_rps "$f")" "$(gatling_count "$f")" "$(gatling_ko "$f")"
}

run_hypercare() {  # ROUND
  local f="$out/hypercare-$1.txt"
  timeout $((seconds + 240)) "$repo/hypercare" load --no-probes --profile "$out/http-64.yaml" --target "$url" --reports "$out/hypercare-$1" > "$f" 2>&1 || true
  local g; g=$(ls -d "$out/hypercare-$1"/*/gatling.out 2>/dev/null | tail -1 || true)
  record "$1" hypercare "$(gatling_rps "$g")" "$(gatling_count "$g")" "$(gatling_ko "$g")"
}

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="wrk bare hypercare"; else order="hypercare bare wrk"; fi
  echo "round $round: $order"
  for kind in $order; do sleep 5; "run_$kind" "$round"; done
done

echo
echo "ratios per round (same nginx, same run):"
awk -F'\t' 'NR > 1 { v[$1 "," $2] = $3; r[$1] = 1 }
  END { for (k in r) printf "  round %s: hypercare/bare %.3f  hypercare/wrk %.3f  bare/wrk %.3f\n", k,
          v[k ",hypercare"] / v[k ",bare"], v[k ",hypercare"] / v[k ",wrk"], v[k ",bare"] / v[k ",wrk"] }' "$results" | sort
awk -F'\t' 'NR > 1 { s[$2] += $3; n[$2]++ } END { printf "  mean of rounds: wrk %.0f, bare %.0f, hypercare %.0f rps; hypercare/bare %.3f, hypercare/wrk %.3f, bare/wrk %.3f\n",
  s["wrk"]/n["wrk"], s["bare"]/n["bare"], s["hypercare"]/n["hypercare"], (s["hypercare"]/n["hypercare"])/(s["bare"]/n["bare"]),
  (s["hypercare"]/n["hypercare"])/(s["wrk"]/n["wrk"]), (s["bare"]/n["bare"])/(s["wrk"]/n["wrk"]) }' "$results"
echo "raw outputs: $out"
