import dev.hypercare.load.log.LogRecordHandler;
import dev.hypercare.load.log.RunHeader;
import dev.hypercare.load.log.SimulationLogParser;
import dev.hypercare.load.results.RequestStats;
import dev.hypercare.load.results.RunResults;
import dev.hypercare.load.results.SimulationLogReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reader side of bench/log-reader.sh:
 *   ReadLog LOG                 SimulationLogReader.read(LOG): requests, p95, elapsed ms, peak heap, live heap after a GC
 *   ReadLog LOG --expect TSV    the same, then checks the counts against LogGenerator's TSV (exit 1 if not equal)
 *   ReadLog LOG --parse-only    SimulationLogParser.parse(LOG, no-op handler): the parser's share of the time
 *   ReadLog --dump LOG [N]      the run header and the first N records as the parser sees them (layout check)
 */
public final class ReadLog {
    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("--dump")) {
            dump(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 12);
            return;
        }
        Path log = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--parse-only")) {
            long[] n = new long[1];
            long t0 = System.nanoTime();
            SimulationLogParser.Outcome outcome = SimulationLogParser.parse(log, new Noop(n));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("parse-only: records=%d requests=%d truncated=%s elapsed_ms=%d%n", outcome.records(), n[0], outcome.truncated(), ms);
            return;
        }
        long t0 = System.nanoTime();
        RunResults results = SimulationLogReader.read(log);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = peakHeapMb();
        System.gc(); // what the results keep, with the RunResults still reachable
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 10;
        System.out.printf("reader: requests=%d records=%d truncated=%s http_p95_ms=%d ws_p95_ms=%d seconds=%d elapsed_ms=%d peak_heap_mb=%d live_heap_kb=%d%n",
                results.requests(), results.records(), results.truncated(), results.http().percentileMillis(95),
                results.webSocket().percentileMillis(95), results.seconds().size(), ms, peak, live);
        java.lang.ref.Reference.reachabilityFence(results);
        if (args.length > 2 && args[1].equals("--expect")) {
            System.exit(check(results, Path.of(args[2])) ? 0 : 1);
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static boolean check(RunResults results, Path expect) throws IOException {
        Map<String, long[]> want = new TreeMap<>();
        long requests = -1;
        long started = -1;
        long ended = -1;
        for (String line : Files.readAllLines(expect)) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "requests" -> requests = Long.parseLong(f[1]);
                case "users" -> { started = Long.parseLong(f[1]); ended = Long.parseLong(f[2]); }
                default -> want.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        Map<String, long[]> got = new TreeMap<>();
        for (Map.Entry<String, RequestStats> e : results.byName().entrySet()) {
            got.put(e.getKey(), new long[] {e.getValue().ok(), e.getValue().ko()});
        }
        boolean same = results.requests() == requests && !results.truncated()
                && results.usersStarted() == started && results.usersEnded() == ended
                && want.keySet().equals(got.keySet())
                && want.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), got.get(e.getKey())));
        System.out.printf("check: %s (requests %d/%d, users %d+%d/%d+%d, %d names/%d)%n", same ? "OK" : "MISMATCH",
                results.requests(), requests, results.usersStarted(), results.usersEnded(), started, ended, got.size(), want.size());
        if (!same) {
            want.forEach((n, c) -> System.out.printf("  %-20s want %d/%d got %s%n", n, c[0], c[1],
                    got.containsKey(n) ? got.get(n)[0] + "/" + got.get(n)[1] : "none"));
        }
        return same;
    }

    private static void dump(Path log, int limit) {
        int[] shown = new int[1];
        long[] types = new long[5];
        SimulationLogParser.Outcome outcome = SimulationLogParser.parse(log, new LogRecordHandler() {
            private void show(String s) {
                if (shown[0]++ < limit) System.out.println("  " + s);
            }
            @Override public void run(RunHeader h) { System.out.println(log.getFileName() + ": " + h); }
            @Override public void user(String scenario, boolean start, long ts) { types[2]++; show("user " + scenario + " " + (start ? "start" : "end") + " " + ts); }
            @Override public void request(List<String> groups, String name, long s, long e, boolean ok, String message) {
                types[1]++; show("request " + groups + " '" + name + "' " + s + ".." + e + " " + (ok ? "OK" : "KO") + " '" + message + "'");
            }
            @Override public void group(List<String> groups, long s, long e, int c, boolean ok) { types[3]++; show("group " + groups); }
            @Override public void error(String message, long ts) { types[4]++; show("error " + message); }
        });
        System.out.printf("  -> records=%d truncated=%s bytes=%d requests=%d users=%d groups=%d errors=%d%n",
                outcome.records(), outcome.truncated(), outcome.bytesRead(), types[1], types[2], types[3], types[4]);
    }

    private static final class Noop implements LogRecordHandler {
        private final long[] requests;
        Noop(long[] requests) { this.requests = requests; }
        @Override public void run(RunHeader header) {}
        @Override public void user(String scenario, boolean start, long timestampMillis) {}
        @Override public void request(List<String> groups, String name, long startMillis, long endMillis, boolean ok, String message) { requests[0]++; }
        @Override public void group(List<String> groups, long startMillis, long endMillis, int cumulated, boolean ok) {}
        @Override public void error(String message, long timestampMillis) {}
    }
}
