package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypercare.slo.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RollingWindowsTest {
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static Window last(Duration length) {
        return RollingWindows.endingAt(NOW, length);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aWindowCountsTheResultsThatStartedInIt() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        windows.record("home", NOW.minusSeconds(300), true, ms(100));                 // 11:55:00.000, the window's first instant
        windows.record("home", NOW.minusSeconds(300).minusMillis(1), false, ms(900)); // 11:54:59.999, just before it
        windows.record("home", NOW.minusSeconds(1), true, ms(300));
        windows.record("api", NOW.minusSeconds(120), false, ms(50));

        RollingSummary home = windows.probe("home", last(Duration.ofMinutes(5)));
        assertThat(home.samples()).isEqualTo(2);
        assertThat(home.failures()).isZero();
        assertThat(home.availability()).isEqualTo(1.0);
        assertThat(home.maxMillis()).as("exact").isEqualTo(300.0);
        assertThat(home.resolution()).isEqualTo(Duration.ofSeconds(10));
        assertThat(home.window()).isEqualTo(last(Duration.ofMinutes(5)));

        RollingSummary service = windows.service(last(Duration.ofMinutes(5)));
        assertThat(service.samples()).isEqualTo(3);
        assertThat(service.failures()).isEqualTo(1);
        assertThat(service.availability()).isEqualTo(2.0 / 3);
        assertThat(service.errorRate()).isEqualTo(1.0 / 3);
        assertThat(service.throughput()).isEqualTo(3 / 300.0);

        RollingSummary longer = windows.service(last(Duration.ofMinutes(6)));
        assertThat(longer.samples()).isEqualTo(4);
        assertThat(longer.maxMillis()).isEqualTo(900.0);
    }

    @Test
    void theOldEdgeOfAWindowIsRoundedUpToItsBucket() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        windows.record("home", NOW.minusSeconds(300), true, ms(100));   // bucket 11:55:00
        windows.record("home", NOW.minusSeconds(291), true, ms(100));   // 11:55:09, same bucket
        windows.record("home", NOW.minusSeconds(290), true, ms(100));   // bucket 11:55:10
        Window shifted = new Window(NOW.minusSeconds(295), NOW);          // starts inside bucket 11:55:00
        assertThat(windows.probe("home", shifted).samples()).as("bucket 11:55:00 starts before the window").isEqualTo(1);
        assertThat(windows.probe("home", new Window(NOW.minusSeconds(300), NOW.minusSeconds(290))).samples()).isEqualTo(2);
        assertThat(windows.probe("home", new Window(NOW.minusSeconds(300), NOW.minusSeconds(295))).samples())
                .as("the window's end rounds up too: the bucket in progress is in").isEqualTo(2);
    }

    @Test
    void percentilesOfAWindowAreWithinTwoPercentAndTheMaxIsExact() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 1; i <= 100; i++) {
            windows.record("home", NOW.minusSeconds(3L * i), i % 10 != 0, Duration.ofNanos(i * 1_000_000L + 250_000));
        }
        RollingSummary s = windows.probe("home", last(Duration.ofMinutes(5)));
        assertThat(s.samples()).isEqualTo(100);
        assertThat(s.failures()).isEqualTo(10);
        assertThat(s.p50Millis()).isCloseTo(50.25, within(50.25 * LatencyBuckets.RELATIVE_ERROR));
        assertThat(s.p95Millis()).isCloseTo(95.25, within(95.25 * LatencyBuckets.RELATIVE_ERROR));
        assertThat(s.p99Millis()).isCloseTo(99.25, within(99.25 * LatencyBuckets.RELATIVE_ERROR));
        assertThat(s.maxMillis()).isEqualTo(100.25);
        assertThat(s.stats()).isEqualTo(new WindowStats(Duration.ofMinutes(5), 100, 10, 0.9, 0.1, s.p95Millis()));
    }

    @Test
    void longerWindowsAreCountedInCoarserBucketsWithEdgesRoundedToThem() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        int minutes = (int) Duration.ofDays(7).toMinutes();
        for (int k = minutes; k >= 1; k--) {  // one result a minute for a week, the first exactly 7 days ago
            windows.record("home", NOW.minus(Duration.ofMinutes(k)), k % 100 != 0, ms(20));
        }
        assertThat(windows.ignored()).isZero();
        record Expect(Window window, long samples, long failures, Duration resolution, Duration latencyResolution) {}
        Duration tenSeconds = Duration.ofSeconds(10);
        Duration fiveMinutes = Duration.ofMinutes(5);
        Duration hour = Duration.ofHours(1);
        Duration sixHours = Duration.ofHours(6);
        List<Expect> expected = List.of(
                new Expect(last(Duration.ofMinutes(5)), 5, 0, tenSeconds, tenSeconds),
                new Expect(last(Duration.ofHours(1)), 60, 0, tenSeconds, tenSeconds),
                new Expect(last(Duration.ofHours(6)), 360, 3, fiveMinutes, hour),
                new Expect(last(Duration.ofHours(24)), 1440, 14, fiveMinutes, hour),
                new Expect(last(Duration.ofDays(3)), 4320, 43, hour, sixHours),
                new Expect(last(Duration.ofDays(7)), 10080, 100, hour, sixHours),
                // from 06:02: bucket 06:00 starts before it, so the results of 06:02-06:04 are left out
                new Expect(new Window(NOW.minus(Duration.ofHours(6)).plusSeconds(120), NOW.plusSeconds(120)), 355, 3, fiveMinutes, hour),
                // from 01:30 on 3 days ago: rounded up to 02:00
                new Expect(new Window(NOW.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(30)), NOW), 4320, 43, hour, sixHours));
        for (Expect e : expected) {
            RollingSummary s = windows.probe("home", e.window());
            assertThat(s.samples()).as("samples %s", e).isEqualTo(e.samples());
            assertThat(s.failures()).as("failures %s", e).isEqualTo(e.failures());
            assertThat(s.resolution()).as("resolution %s", e).isEqualTo(e.resolution());
            assertThat(s.latencyResolution()).as("latency resolution %s", e).isEqualTo(e.latencyResolution());
            assertThat(s.p95Millis()).isCloseTo(20, within(20 * LatencyBuckets.RELATIVE_ERROR));
        }
    }

    @Test
    void beyondAnHourPercentilesAreCountedInHourlyBucketsAndTheMaxAtFiveMinutes() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        Instant dayAgo = NOW.minus(Duration.ofDays(1));
        for (int m = 0; m < 30; m++) {
            windows.record("home", dayAgo.plus(Duration.ofMinutes(m)), true, ms(900));  // slow from 12:00 to 12:29 yesterday
        }
        for (int m = 30; m < 24 * 60; m++) {
            windows.record("home", dayAgo.plus(Duration.ofMinutes(m)), true, ms(100));
        }
        RollingSummary day = windows.probe("home", last(Duration.ofHours(24)));
        assertThat(day.samples()).isEqualTo(1440);
        assertThat(day.p99Millis()).isCloseTo(900, within(900 * LatencyBuckets.RELATIVE_ERROR));
        assertThat(day.maxMillis()).isEqualTo(900.0);

        RollingSummary fromTen = windows.probe("home", new Window(dayAgo.plus(Duration.ofMinutes(10)), NOW));
        assertThat(fromTen.samples()).as("counted from 12:10").isEqualTo(1430);
        assertThat(fromTen.maxMillis()).as("the max is counted with the samples").isEqualTo(900.0);
        assertThat(fromTen.p99Millis()).as("latency counted from 13:00").isCloseTo(100, within(100 * LatencyBuckets.RELATIVE_ERROR));
    }

    @Test
    void resultsOlderThanSevenDaysOrFromBeyondAMinuteAheadAreIgnored() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        windows.record("home", NOW.minus(Duration.ofDays(7)).minusMillis(1), true, ms(10));
        windows.record("home", NOW.plusSeconds(61), true, ms(10));
        windows.record("home", NOW.minus(Duration.ofDays(7)), true, ms(10));
        windows.record("home", NOW.plusSeconds(59), true, ms(10));
        assertThat(windows.ignored()).isEqualTo(2);
        assertThat(windows.service(new Window(NOW.minus(Duration.ofDays(8)), NOW.plusSeconds(120))).samples()).isEqualTo(2);
    }

    @Test
    void aWeekOnTheOldResultsHaveExpired() {
        TestClock clock = new TestClock(NOW);
        RollingWindows windows = new RollingWindows(clock);
        windows.record("home", NOW.minus(Duration.ofHours(1)), false, ms(10));
        windows.record("home", NOW.minusSeconds(5), true, ms(10));
        assertThat(windows.probe("home", last(Duration.ofDays(7))).samples()).isEqualTo(2);

        Instant later = NOW.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(30));
        clock.set(later);
        Window week = RollingWindows.endingAt(later, Duration.ofDays(7));
        assertThat(windows.probe("home", week).samples()).as("only the result of 7d 30m ago is gone").isZero();
        Window eightDays = RollingWindows.endingAt(later, Duration.ofDays(8));
        assertThat(windows.probe("home", eightDays).samples()).as("a window beyond 7 days counts the 7 days held").isZero();

        windows.record("home", later.minusSeconds(1), true, ms(10));
        assertThat(windows.probe("home", eightDays).samples()).isEqualTo(1);
        assertThat(windows.probe("home", eightDays).failures()).isZero();
    }

    /** Three probes every 30 s for three days, with failures and latencies that vary. */
    private static List<Object[]> threeDays() {
        List<Object[]> results = new ArrayList<>();
        Random random = new Random(7);
        Instant start = NOW.minus(Duration.ofDays(3));
        for (long s = 0; s < Duration.ofDays(3).toSeconds(); s += 30) {
            for (String probe : List.of("home", "api", "login")) {
                Instant at = start.plusSeconds(s).plusMillis(random.nextInt(30_000));
                results.add(new Object[] {probe, at, random.nextInt(50) != 0, ms(5 + random.nextInt(400))});
            }
        }
        return results;
    }

    private static void feed(RollingWindows windows, List<Object[]> results) {
        for (Object[] r : results) {
            windows.record((String) r[0], (Instant) r[1], (Boolean) r[2], (Duration) r[3]);
        }
    }

    @Test
    void resultsOutOfOrderOrReplayedCountTheSameAsInOrder() {
        List<Object[]> results = threeDays();
        results.sort((a, b) -> ((Instant) a[1]).compareTo((Instant) b[1]));
        RollingWindows inOrder = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        feed(inOrder, results);

        // late by up to five minutes: shuffled in blocks of 10 minutes of results
        List<Object[]> shuffled = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < results.size(); i += 60) {
            List<Object[]> block = new ArrayList<>(results.subList(i, Math.min(results.size(), i + 60)));
            Collections.shuffle(block, random);
            shuffled.addAll(block);
        }
        RollingWindows outOfOrder = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        feed(outOfOrder, shuffled);

        // a restart: a journal of nine days replayed; the two oldest days are ignored
        List<Object[]> journal = new ArrayList<>();
        for (long s = Duration.ofDays(9).toSeconds(); s > Duration.ofDays(7).toSeconds(); s -= 30) {
            journal.add(new Object[] {"home", NOW.minusSeconds(s), false, ms(5_000)});
        }
        journal.addAll(results);
        RollingWindows replayed = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        feed(replayed, journal);
        assertThat(replayed.ignored()).isEqualTo(journal.size() - results.size());

        List<Window> queried = new ArrayList<>();
        for (Duration d : List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(6), Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(7))) {
            queried.add(last(d));
        }
        for (int k = 1; k <= 120; k++) {
            queried.add(new Window(NOW.minusSeconds(10L * k), NOW.minusSeconds(10L * (k - 1))));
        }
        for (Window w : queried) {
            for (String probe : List.of("home", "api", "login")) {
                assertThat(outOfOrder.probe(probe, w)).as("%s %s", probe, w).isEqualTo(inOrder.probe(probe, w));
                assertThat(replayed.probe(probe, w)).isEqualTo(inOrder.probe(probe, w));
            }
            assertThat(outOfOrder.service(w)).isEqualTo(inOrder.service(w));
        }
        assertThat(inOrder.service(last(Duration.ofDays(3))).samples()).isEqualTo(results.size());
        assertThat(inOrder.probes()).containsExactly("api", "home", "login");
    }

    @Test
    void tenSecondStepsTileTheHourWithoutSharingABucket() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        feed(windows, threeDays());
        Instant now = NOW.minusMillis(3_300);  // not on a bucket edge
        long sum = 0;
        for (int k = 1; k <= 360; k++) {
            sum += windows.service(new Window(now.minusSeconds(10L * k), now.minusSeconds(10L * (k - 1)))).samples();
        }
        assertThat(sum).isEqualTo(windows.service(RollingWindows.endingAt(now, Duration.ofHours(1))).samples()).isPositive();
    }

    @Test
    void aWeekOfOneResultASecondTakesUnderSixtyFourKilobytesPerSeries() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        RollingFootprint empty = windows.footprint();
        assertThat(empty.series()).isEqualTo(1);
        assertThat(empty.slots()).as("361 + 289 + 169 count slots, allocated once").isEqualTo(819);
        assertThat(empty.latencySlots()).as("25 hourly and 29 six-hourly histograms in the coarse tiers").isEqualTo(54);
        assertThat(empty.latencyArrays()).isZero();
        assertThat(empty.bytes()).isEqualTo(819 * 24 + 54 * 16);

        Random random = new Random(3);
        long seconds = Duration.ofDays(7).toSeconds();
        for (long s = seconds; s > 0; s--) {
            // around 40 ms, a log-normal spread of 30 %, and ten times slower one time in a hundred
            double millis = 40 * Math.exp(0.3 * random.nextGaussian()) * (random.nextInt(100) == 0 ? 10 : 1);
            windows.record("home", NOW.minusSeconds(s), true, Duration.ofNanos((long) (millis * 1e6)));
        }
        RollingFootprint week = windows.footprint();
        assertThat(week.series()).isEqualTo(2);
        assertThat(week.slots()).isEqualTo(2 * 819);
        // one array per latency bucket with results: all 361 of the last hour, 25 hours, the week's 28 quarters
        assertThat(week.latencyArrays()).isEqualTo(2 * (361 + 25 + 28));
        assertThat(week.bytes() / week.series()).isLessThan(64 * 1024);
        assertThat(windows.service(last(Duration.ofDays(7))).samples()).isEqualTo(seconds);
    }

    @Test
    void readersOnOtherThreadsNeverSeeAPartialResult() throws Exception {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        int total = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < total; i++) {
                    windows.record("p" + (i % 10), NOW.minusMillis(1 + i % 600_000), i % 4 != 0, ms(1 + i % 500));
                }
            });
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    long seen = 0;
                    for (int n = 0; n < 2_000 && seen < total; n++) {
                        RollingSummary s = windows.service(last(Duration.ofMinutes(15)));
                        assertThat(s.samples()).isBetween(seen, (long) total);
                        assertThat(s.failures()).isBetween(0L, s.samples());
                        seen = s.samples();
                    }
                    return seen;
                }));
            }
            writer.get(30, TimeUnit.SECONDS);
            for (Future<Long> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).isBetween(0L, (long) total);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(windows.service(last(Duration.ofMinutes(15))).samples()).isEqualTo(total);
        assertThat(windows.service(last(Duration.ofMinutes(15))).failures()).isEqualTo(total / 4);
    }
}
