# Shared helpers of the bench/ scripts (sourced, not run). Traffic goes to 127.0.0.1 only.
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench_dir/.." && pwd)"
lock=/tmp/hypercare-bench.lock
. "$repo/.ci/find-jdk"
java="$JAVA_HOME/bin/java"
java_major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1)

# Gatling's own launcher/Maven-plugin JVM options (Gatling 3.16 defaults), plus the two flags that only
# silence JDK 22+/23+ warnings about Netty's JNI and Unsafe use (no effect on speed).
gatling_default_jvm=(-server -Xmx1G -XX:+HeapDumpOnOutOfMemoryError -XX:+UseG1GC -XX:+ParallelRefProcEnabled
  -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED)
quiet_jdk=()
[ "$java_major" -ge 22 ] && quiet_jdk+=(--enable-native-access=ALL-UNNAMED)
[ "$java_major" -ge 23 ] && quiet_jdk+=(--sun-misc-unsafe-memory-access=allow)

# The reference nginx target (nginx-light, 1 worker): NGINX_TARGET_SCRIPT if set, else our copy.
nginx_script="${NGINX_TARGET_SCRIPT:-$bench_dir/nginx-target.sh}"

machine_info() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc); memory: $(free -g | awk '/^Mem:/{print $2" GiB"}'); kernel: $(uname -r); ulimit -n: $(ulimit -n)"
  echo "java: $("$java" -version 2>&1 | tr '\n' ' ')"
  git -C "$repo" rev-parse --short HEAD 2>/dev/null | sed 's/^/commit: /'
}

build_if_needed() {
  [ -f "$repo/target/hypercare.jar" ] || (cd "$repo" && ./mvnw -q -B -DskipTests package)
}

take_lock() { : > "$lock"; }
drop_lock() { rm -f "$lock"; }

# Gatling's final "Global Information" block: "> mean throughput (rps) | 45,123.4 | 45,123.4 | -".
# Column 1 = all requests, 2 = OK, 3 = KO ("-" when none).
gatling_stat() {  # FILE LABEL COLUMN
  awk -F'|' -v label="$2" -v col="$3" 'index($1, "> " label) == 1 { v = $(col + 1) } END { gsub(/[ ,]/, "", v); if (v == "-") v = 0; print v }' "$1"
}
gatling_rps() { gatling_stat "$1" "mean throughput (rps)" 1; }
gatling_count() { gatling_stat "$1" "request count" 1; }
gatling_ko() { gatling_stat "$1" "request count" 3; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
