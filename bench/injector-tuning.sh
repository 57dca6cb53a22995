#!/usr/bin/env bash
# Tuning of the forked injector JVM: runs Hypercare's LaunchSimulation (bench/profiles/http-64.yaml)
# exactly as `hypercare load` forks it, but with several JVM option sets, next to the bare Gatling
# peer (bench/simulations/BareHealthSimulation.java) on the same nginx in the same run.
# Settings (environment): BENCH_SECONDS (40), BENCH_ROUNDS (1), BENCH_PORT (8089), BENCH_OUT.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${BENCH_SECONDS:-40}
rounds=${BENCH_ROUNDS:-1}
port=${BENCH_PORT:-8089}
out=${BENCH_OUT:-$repo/target/bench-runs/tuning-$(date -u +%Y%m%dT%H%M%SZ)}
url="http://127.0.0.1:$port"
[ "$seconds" -ge 30 ] && [ "$seconds" -le 600 ] && [ "$rounds" -ge 1 ] && [ "$rounds" -le 5 ] || { echo "BENCH_SECONDS 30..600, BENCH_ROUNDS 1..5" >&2; exit 2; }

build_if_needed
mkdir -p "$out/classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$out/classes" -cp "$repo/target/hypercare.jar:$repo/target/lib/*" "$bench_dir/simulations/BareHealthSimulation.java"
cp "$bench_dir/simulations/gatling.conf" "$bench_dir/simulations/logback.xml" "$out/classes/"
sed "s/^  hold: .*/  hold: ${seconds}s/" "$bench_dir/profiles/http-64.yaml" > "$out/http-64.yaml"

common=(-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$out" -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12
  --add-opens=java.base/java.lang=ALL-UNNAMED -Djava.util.prefs.PreferencesFactory=dev.hypercare.load.OfflinePreferencesFactory "${quiet_jdk[@]}")
declare -A variant=(
  [parallel-1g]="-server -Xms1024m -Xmx1024m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Xss2m"
  [g1-1g]="-server -Xmx1G -XX:+UseG1GC -XX:+ParallelRefProcEnabled"
  [parallel-1g-iouring]="-server -Xms1024m -Xmx1024m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Xss2m -Dgatling.netty.useIoUring=true"
  [parallel-4g]="-server -Xms4g -Xmx4g -XX:+UseParallelGC -XX:+AlwaysPreTouch -Xss2m"
  [g1-1g-iouring]="-server -Xmx1G -XX:+UseG1GC -XX:+ParallelRefProcEnabled -Dgatling.netty.useIoUring=true"
)
order=${BENCH_VARIANTS:-"bare parallel-1g g1-1g parallel-1g-iouring parallel-4g"}

cleanup() { bash "$nginx_script" stop >/dev/null 2>&1 || true; drop_lock; }
trap cleanup EXIT
take_lock
bash "$nginx_script" start "$port" >/dev/null
curl -fsS -m 5 "$url/api/health" >/dev/null
{ machine_info; echo "seconds per run: $seconds, rounds: $rounds, order: $order"; } | tee "$out/machine.txt"
results="$out/results.tsv"
printf 'round\tkind\trps\trequests\tko\n' > "$results"
for round in $(seq 1 "$rounds"); do
  for kind in $order; do
    sleep 5
    f="$out/$kind-$round.txt"
    if [ "$kind" = bare ]; then
      timeout $((seconds + 180)) "$java" "${gatling_default_jvm[@]}" "${quiet_jdk[@]}" -Dbench.target="$url" -Dbench.seconds="$seconds" \
        -cp "$out/classes:$repo/target/lib/*" io.gatling.app.Gatling --simulation BareHealthSimulation \
        --results-folder "$out/res-$kind-$round" --launcher bench > "$f" 2>&1 || true
    else
      # shellcheck disable=SC2086
      timeout $((seconds + 180)) "$java" ${variant[$kind]} "${common[@]}" -Dhypercare.profile="$out/http-64.yaml" -Dhypercare.target="$url" \
        -cp "$repo/target/hypercare.jar" io.gatling.app.Gatling --simulation dev.hypercare.simulations.LaunchSimulation \
        --results-folder "$out/res-$kind-$round" --launcher hypercare > "$f" 2>&1 || true
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$kind" "$(gatling_rps "$f")" "$(gatling_count "$f")" "$(gatling_ko "$f")" | tee -a "$results"
  done
done
awk -F'\t' 'NR > 1 { v[$1 "," $2] = $3; if ($2 == "bare") b[$1] = $3 } END { for (k in v) { split(k, p, ","); printf "  round %s %-22s %10.0f rps  %.3f x bare\n", p[1], p[2], v[k], v[k] / b[p[1]] } }' "$results" | sort
echo "raw outputs: $out"
