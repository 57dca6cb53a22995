package dev.hypercare.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10));

    @Test
    void delayDoublesWithEachFailureWithinHalfAndAllOfTheCeiling() {
        Random random = new Random(42);
        long[] ceilings = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (int failures = 1; failures <= ceilings.length; failures++) {
            for (int draw = 0; draw < 200; draw++) {
                long ms = backoff.delay(failures, Optional.empty(), random).toMillis();
                assertThat(ms).as("failure %d", failures)
                        .isBetween(ceilings[failures - 1] / 2, ceilings[failures - 1]);
            }
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        Random random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> backoff.delay(5, Optional.empty(), random).toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void manyFailuresStayAtTheCapWithoutOverflow() {
        assertThat(backoff.delay(10_000, Optional.empty(), new Random(1)).toMillis()).isBetween(30_000L, 60_000L);
    }

    @Test
    void retryAfterIsHonouredUpToItsCap() {
        Random random = new Random(3);
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(30)), random)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1, Optional.of(Duration.ofHours(3)), random)).isEqualTo(Duration.ofMinutes(10));
        // a Retry-After shorter than the backoff does not shorten it
        assertThat(backoff.delay(6, Optional.of(Duration.ofSeconds(1)), random)).isGreaterThanOrEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(RetryAfter.parse(Optional.of("120"), now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(Optional.of("Sun, 22 Nov 2026 10:01:30 GMT"), now)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse(Optional.of("Sun, 22 Nov 2026 09:00:00 GMT"), now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), now)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-5"), now)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), now)).isEmpty();
    }
}
