# Inclusive shares of JFR execution samples by what the stack was doing, for bench/probe-throughput.sh:
# awk -f jfr-categories.awk <(jfr print --events jdk.ExecutionSample --stack-depth 64 FILE.jfr)
function flush() {
  if (n == 0) return
  total++
  cat = "other"
  if (stack ~ /HttpClientBuilderImpl\.build|HttpClientImpl\.create|HttpClientImpl\.<init>/) cat = "HttpClient: build a client"
  else if (stack ~ /shutdownNow|HttpClientImpl\.stop|SelectorManager\.shutdown/) cat = "HttpClient: shut a client down"
  else if (stack ~ /Journal\.append|ResultCodec\.encode/) cat = "journal: encode + append"
  else if (stack ~ /ProbeMetrics\.record|ProbeMeters/) cat = "metrics: record a result"
  else if (thread ~ /hypercare-exposition/) cat = "metrics: /metrics scrape"
  else if (thread ~ /hypercare-judge/) cat = "judge: windows, policy, incidents"
  else if (thread ~ /hypercare-probe-scheduler/) cat = "scheduler timer"
  else if (stack ~ /HttpProber|HttpClientImpl\.sendAsync|MultiExchange|Http1Exchange|SocketTube|HttpClientImpl\$SelectorManager|PlainHttpConnection|Http1Response|Http1Request|ResponseSubscribers|BoundedBody/) cat = "HttpClient: the exchange"
  else if (thread ~ /HttpClient-.*-Worker/) cat = "HttpClient: worker threads, other"
  else if (thread ~ /SelectorManager/) cat = "HttpClient: selector threads, other"
  else if (stack ~ /ProbeScheduler|ScheduledRun|SchedulerSink/) cat = "scheduler: run threads"
  count[cat]++
  n = 0; stack = ""
}
/^jdk.ExecutionSample/ { flush() }
/sampledThread = / { thread = $0; n = 1 }
/line:/ { stack = stack " " $1 }
END { flush(); for (c in count) printf "%5d %5.1f%%  %s\n", count[c], 100 * count[c] / total, c | "sort -rn"; close("sort -rn"); printf "%5d samples\n", total }
