import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor under an HTTP prober on the JDK client: 1,000 requests/s (10 every 10 ms) to the nginx target,
 * each with {@code Connection: close}, and nothing else (no scheduler, no results). Modes:
 * {@code async-default|async-direct|vt-default|vt-direct}: {@code async} calls sendAsync from the timer
 * thread, {@code vt} sends from a new virtual thread per request; {@code direct} has the client's own
 * thread do the exchange (executor {@code Runnable::run}), {@code default} uses the client's pool.
 * Prints the rate and the process CPU in cores over 30 s after 20 s of warm-up.
 *
 * <p>Usage, with {@code bash bench/nginx-target.sh start 8089} running:
 * {@code java -Djdk.httpclient.allowRestrictedHeaders=connection -Xmx128m bench/simulations/HttpClientFloor.java http://127.0.0.1:8089 MODE}
 */
public final class HttpClientFloor {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mode = args[1];
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1));
        if (mode.endsWith("direct")) {
            builder.executor(Runnable::run);
        }
        HttpClient client = builder.build();
        boolean threadPerRequest = mode.startsWith("vt");
        String[] paths = {"/api/health", "/api/health/live", "/api/health/ready", "/"};
        LongAdder done = new LongAdder();
        LongAdder ok = new LongAdder();
        long[] sent = {0};
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> {
            for (int k = 0; k < 10; k++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths[(int) (sent[0]++ % paths.length)]))
                        .timeout(Duration.ofMillis(750)).header("Connection", "close").GET().build();
                if (threadPerRequest) {
                    Thread.ofVirtual().start(() -> {
                        try {
                            count(client.send(request, HttpResponse.BodyHandlers.ofByteArray()), done, ok);
                        } catch (Exception e) {
                            done.increment();
                        }
                    });
                } else {
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                            .whenComplete((response, error) -> count(error == null ? response : null, done, ok));
                }
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(20_000);
        long n0 = done.sum(), ok0 = ok.sum(), cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread.sleep(30_000);
        long n1 = done.sum(), ok1 = ok.sum(), cpu1 = os.getProcessCpuTime(), t1 = System.nanoTime();
        System.out.printf("mode=%s rate=%.0f ok=%d/%d cores=%.3f%n", mode, (n1 - n0) / ((t1 - t0) / 1e9), ok1 - ok0, n1 - n0,
                (cpu1 - cpu0) / (double) (t1 - t0));
        System.exit(0);
    }

    private static void count(HttpResponse<byte[]> response, LongAdder done, LongAdder ok) {
        done.increment();
        if (response != null && response.statusCode() == 200) {
            ok.increment();
        }
    }
}
