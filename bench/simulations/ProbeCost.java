import dev.hypercare.probe.ConditionResult;
import dev.hypercare.probe.FreshConnections;
import dev.hypercare.probe.Observation;
import dev.hypercare.probe.ProbeConfig;
import dev.hypercare.probe.ProbeDispatcher;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.ProbeScheduler;
import dev.hypercare.probe.ProbeSpec;
import dev.hypercare.probe.Prober;
import dev.hypercare.probe.Reason;
import dev.hypercare.probe.SchedulerOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a probe's CPU goes, without the runner: Hypercare's own ProbeScheduler on the probes file, with
 * the results only counted (no journal, windows, judge or metrics), and one of three probers:
 * <ul>
 *   <li>{@code hypercare}: the real HttpProber (ProbeDispatcher) as the CLI runs it: one shared client per
 *       timeout, each request with {@code Connection: close}, so every probe opens its own connection</li>
 *   <li>{@code client-per-probe}: the same HttpProber in a JVM that does not allow {@code Connection: close}:
 *       its fallback, a new HttpClient per probe (what it always did before)</li>
 *   <li>{@code shared-close}: a bare prober on one HttpClient with {@code Connection: close}: the floor for
 *       an honest probe with the JDK client (status only, no redirects, no bounded body)</li>
 *   <li>{@code shared-keepalive}: the same on pooled connections (a floor, not an honest probe)</li>
 * </ul>
 * The two bare probers only check the status against 200 through the probe's own conditions; they exist
 * to price HttpProber's own work, not as a replacement. Prints one line of KEY=VALUE figures over the
 * window: rate, success %, process CPU in cores, VmRSS at the end, VmHWM and the live threads.
 *
 * <p>Usage: {@code ProbeCost PROBES.yaml hypercare|client-per-probe|shared-close|shared-keepalive WARMUP_S WINDOW_S}
 */
public final class ProbeCost {
    public static void main(String[] args) throws Exception {
        ProbeConfig config = ProbeConfig.load(Path.of(args[0]), Map.of());
        String mode = args[1];
        if (!mode.equals("client-per-probe")) {
            FreshConnections.allowConnectionClose(); // as the CLI does, before the JDK's HTTP client is first used
        }
        long warmup = Long.parseLong(args[2]);
        long window = Long.parseLong(args[3]);
        Prober prober = switch (mode) {
            case "hypercare", "client-per-probe" -> new ProbeDispatcher(Map.of());
            case "shared-close" -> new SharedClientProber(true);
            case "shared-keepalive" -> new SharedClientProber(false);
            default -> throw new IllegalArgumentException("mode: hypercare, client-per-probe, shared-close or shared-keepalive, found " + mode);
        };
        LongAdder results = new LongAdder();
        LongAdder ok = new LongAdder();
        SchedulerOptions options = SchedulerOptions.defaults().withMaxConcurrent(config.evaluation().maxConcurrent());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ProbeScheduler scheduler = new ProbeScheduler(config.probes(), prober, r -> {
            results.increment();
            if (r.success()) {
                ok.increment();
            }
        }, options, Clock.systemUTC(), new SplittableRandom(1))) {
            scheduler.start();
            Thread.sleep(warmup * 1000);
            long n0 = results.sum(), ok0 = ok.sum(), cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            Thread.sleep(window * 1000);
            long n1 = results.sum(), ok1 = ok.sum(), cpu1 = os.getProcessCpuTime(), t1 = System.nanoTime();
            double seconds = (t1 - t0) / 1e9;
            double rate = (n1 - n0) / seconds;
            double cores = (cpu1 - cpu0) / 1e9 / seconds;
            System.out.printf("mode=%s rate=%.1f success=%.3f cores=%.3f cpu_ms_per_1000=%.0f rss_end=%.1f rss_peak=%.1f threads=%.0f%n",
                    mode, rate, n1 > n0 ? 100.0 * (ok1 - ok0) / (n1 - n0) : 0, cores, rate > 0 ? cores * 1e6 / rate : 0,
                    status("VmRSS") / 1024, status("VmHWM") / 1024, status("Threads"));
        }
        System.exit(0);
    }

    private static double status(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** One shared client; the probe's conditions judged on status and response time only (the bench uses [STATUS]). */
    private static final class SharedClientProber implements Prober {
        private final boolean close;
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();

        SharedClientProber(boolean close) {
            this.close = close;
        }

        @Override
        public ProbeResult probe(ProbeSpec spec, Clock clock) {
            ProbeSpec.Http http = (ProbeSpec.Http) spec;
            Instant start = clock.instant();
            long t0 = System.nanoTime();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url().resolve(Map.of())))
                        .timeout(http.timeout()).GET();
                if (close) {
                    request.header("Connection", "close");
                }
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                Observation seen = new Observation(response.statusCode(), took, "", Optional.empty());
                List<ConditionResult> judged = http.conditions().stream().map(c -> c.evaluate(seen)).toList();
                boolean success = judged.stream().allMatch(ConditionResult::ok);
                return new ProbeResult(spec.name(), spec.location(), start, success, response.statusCode(),
                        success ? Reason.OK : Reason.STATUS, took, Map.of(), judged, Optional.empty(), "");
            } catch (Exception e) {
                return new ProbeResult(spec.name(), spec.location(), start, false, -1, Reason.ERROR,
                        Duration.ofNanos(System.nanoTime() - t0), Map.of(), List.of(), Optional.empty(), e.getClass().getSimpleName());
            }
        }
    }
}
