import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a synthetic, format-exact Gatling 3.16.0 simulation.log (the binary layout of Gatling's
 * LogFileDataWriter, big-endian like DataOutputStream) for bench/log-reader.sh:
 *
 *   java LogGenerator OUT_LOG EXPECT_TSV [REQUESTS=10000000] [SECONDS=1000] [SEED=42]
 *
 * Run record: version "3.16.0", dev.hypercare.simulations.LaunchSimulation, start = now, scenarios
 * "http users" and "websocket sessions", 0 assertions. Then user start/end records and REQUESTS request
 * records spread evenly over SECONDS (end offsets non-decreasing but for a few ms of jitter, as Gatling
 * writes them when responses arrive), 15 request names with per-name weights, lognormal response times
 * and ~1 % KO with a few distinct messages. Strings go through Gatling's string cache: index >= 1 and
 * the string the first time, -index afterwards; the empty message of OK requests is a cached "" too.
 * EXPECT_TSV gets what was written: "requests N", "users S E" and "name<TAB>ok<TAB>ko" lines.
 */
public final class LogGenerator {
    private static final String[] HTTP_NAMES = {
        "landing page", "login", "tasks: list", "tasks: get", "tasks: create", "health: live", "health: ready", "health: combined"};
    private static final double[] HTTP_WEIGHTS = {0.06, 0.04, 0.30, 0.30, 0.10, 0.07, 0.07, 0.06};
    private static final double[] HTTP_MEDIAN_MS = {12, 45, 25, 8, 35, 2, 3, 5};
    private static final String[] WS_NAMES = {
        "ws: connect", "ws: subscribe", "ws: subscribed", "ws: broadcast", "ws: heartbeat", "ws: heartbeat ack", "ws: close"};
    private static final double[] WS_WEIGHTS = {0.04, 0.04, 0.04, 0.40, 0.22, 0.22, 0.04};
    private static final double[] WS_MEDIAN_MS = {6, 1, 3, 4, 1, 2, 1};
    private static final String[] KO_MESSAGES = {
        "status.find.in([200, 209], 304), found 500",
        "status.find.in([200, 209], 304), found 503",
        "i.g.h.c.i.RequestTimeoutException: Request timeout to 127.0.0.1/127.0.0.1:8080 after 60000 ms",
        "j.n.ConnectException: Connection refused",
        "Check timeout",
        "jsonPath($.items).find.exists, found nothing"};
    private static final double[] KO_WEIGHTS = {0.35, 0.15, 0.15, 0.10, 0.15, 0.10};
    private static final double KO_RATE = 0.01;
    private static final double SIGMA = 0.7;
    /** Concurrent users; each lives for a random number of requests, then a new one starts in its slot. */
    private static final int USERS = 2_000;
    private static final int WS_USERS = 800;

    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.BIG_ENDIAN);
    private final Map<String, Integer> cache = new HashMap<>();

    private LogGenerator(FileChannel channel) {
        this.channel = channel;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LogGenerator OUT_LOG EXPECT_TSV [REQUESTS] [SECONDS] [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path expect = Path.of(args[1]);
        long requests = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            new LogGenerator(ch).write(requests, seconds, seed, expect);
        }
        System.out.printf("wrote %s: %d requests over %d s, %d bytes in %d ms%n",
                out, requests, seconds, Files.size(out), (System.nanoTime() - t0) / 1_000_000);
    }

    private void write(long requests, int seconds, long seed, Path expect) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long durationMs = seconds * 1000L;
        // run record
        buf.put((byte) 0);
        string("3.16.0");
        string("dev.hypercare.simulations.LaunchSimulation");
        buf.putLong(System.currentTimeMillis());
        string("synthetic log of bench/log-reader.sh: " + requests + " requests over " + seconds + " s");
        buf.putInt(2);
        string("http users");
        string("websocket sessions");
        buf.putInt(0); // assertions

        Map<String, long[]> counts = new TreeMap<>();
        int[] left = new int[USERS]; // requests left for the user in each slot; 0 = no user
        long started = 0;
        long ended = 0;
        int lastOffset = 0;
        for (long i = 0; i < requests; i++) {
            int slot = (int) (i % USERS);
            boolean ws = slot < WS_USERS;
            int end = (int) (i * durationMs / requests) + random.nextInt(4);
            lastOffset = Math.max(lastOffset, end);
            int k = pick(random, ws ? WS_WEIGHTS : HTTP_WEIGHTS);
            String name = ws ? WS_NAMES[k] : HTTP_NAMES[k];
            double median = ws ? WS_MEDIAN_MS[k] : HTTP_MEDIAN_MS[k];
            boolean ok = random.nextDouble() >= KO_RATE;
            String message = ok ? "" : KO_MESSAGES[pick(random, KO_WEIGHTS)];
            long rt = Math.round(median * Math.exp(SIGMA * gaussian(random)));
            if (!ok && message.startsWith("i.g.h.c.i.RequestTimeout")) {
                rt = 60_000;
            }
            int start = (int) Math.max(0, end - Math.min(rt, 60_000));
            if (left[slot] == 0) { // a new user in this slot, started just before its first request
                left[slot] = 20 + random.nextInt(200);
                user(ws ? 1 : 0, true, Math.max(0, start - 5));
                started++;
            }
            request(name, start, end, ok, message);
            counts.computeIfAbsent(name, n -> new long[2])[ok ? 0 : 1]++;
            if (--left[slot] == 0) {
                user(ws ? 1 : 0, false, end + 1);
                ended++;
            }
        }
        for (int slot = 0; slot < USERS; slot++) {
            if (left[slot] > 0) {
                user(slot < WS_USERS ? 1 : 0, false, lastOffset + 1);
                ended++;
            }
        }
        flush();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(expect))) {
            w.println("requests\t" + requests);
            w.println("users\t" + started + "\t" + ended);
            counts.forEach((name, c) -> w.println(name + "\t" + c[0] + "\t" + c[1]));
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int pick(SplittableRandom random, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Record 1: group count (0), cached name, start and end offsets, ok, cached message. */
    private void request(String name, int start, int end, boolean ok, String message) throws IOException {
        room(64);
        buf.put((byte) 1);
        buf.putInt(0);
        cached(name);
        room(16);
        buf.putInt(start);
        buf.putInt(end);
        buf.put((byte) (ok ? 1 : 0));
        cached(message);
    }

    /** Record 2: scenario index, start (true) or end, offset. */
    private void user(int scenario, boolean start, int offset) throws IOException {
        room(16);
        buf.put((byte) 2);
        buf.putInt(scenario);
        buf.put((byte) (start ? 1 : 0));
        buf.putInt(offset);
    }

    private void cached(String value) throws IOException {
        Integer index = cache.get(value);
        room(8);
        if (index != null) {
            buf.putInt(-index);
            return;
        }
        int next = cache.size() + 1;
        cache.put(value, next);
        buf.putInt(next);
        string(value);
    }

    /** A String's internal bytes as Gatling writes them: length, LATIN1 bytes, coder 0; "" is just length 0. */
    private void string(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        room(bytes.length + 8);
        buf.putInt(bytes.length);
        if (bytes.length > 0) {
            buf.put(bytes);
            buf.put((byte) 0);
        }
    }

    private void room(int bytes) throws IOException {
        if (buf.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        buf.clear();
    }
}
