package dev.hypercare.alert;

import static dev.hypercare.alert.Fixtures.NOV_22;
import static dev.hypercare.alert.Fixtures.trigger;
import static dev.hypercare.alert.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hypercare.incident.Severity;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalEntry;
import dev.hypercare.journal.JournalOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a close and a reopen: pending alerts resume, delivered ones are never resent. */
class OutboxRestartTest {
    private static final Duration WAIT = OutboxDeliveryTest.WAIT;

    @TempDir
    Path dir;

    private final Receiver receiver = Receiver.start();
    private final List<AlertOutbox> opened = new ArrayList<>();

    private AlertOutbox open(Clock clock, OutboxOptions options) {
        AlertOutbox outbox = AlertOutbox.open(dir, List.of(webhook("hook", receiver.url("/hook"), Severity.P3)),
                Map.of(), clock, options);
        opened.add(outbox);
        return outbox;
    }

    private AlertOutbox open() {
        return open(Clock.systemUTC(), OutboxDeliveryTest.fast());
    }

    private static OutboxStatus.ChannelStatus hook(AlertOutbox outbox) {
        return outbox.status().channel("hook").orElseThrow();
    }

    @AfterEach
    void stop() {
        opened.forEach(AlertOutbox::close);
        receiver.close();
    }

    @Test
    void pendingAlertsResumeAfterARestartAndDeliveredOnesAreNotResent() {
        AlertOutbox first = open();
        first.enqueue(trigger("INC-1", Severity.P1));
        first.enqueue(trigger("INC-2", Severity.P1));
        Eventually.until("two delivered", WAIT, () -> hook(first).delivered() == 2);
        receiver.stop();
        first.enqueue(trigger("INC-3", Severity.P1));
        first.enqueue(trigger("INC-4", Severity.P1));
        Eventually.until("a failed attempt", WAIT, () -> hook(first).retrying() == 1);
        first.close();
        assertThat(hook(first).pending()).isEqualTo(2);

        receiver.restart();
        AlertOutbox second = open();
        assertThat(hook(second).delivered()).isEqualTo(2); // from the journal
        Eventually.until("the pending two delivered", WAIT, () -> hook(second).delivered() == 4);
        // known ids, from before the restart, are no-ops; a new one goes after them
        second.enqueue(trigger("INC-1", Severity.P1));
        second.enqueue(trigger("INC-4", Severity.P1));
        second.enqueue(trigger("INC-5", Severity.P1));
        Eventually.until("INC-5 delivered", WAIT, () -> hook(second).delivered() == 5);

        assertThat(receiver.acceptedIds()).containsExactly(
                "INC-1/opened", "INC-2/opened", "INC-3/opened", "INC-4/opened", "INC-5/opened");
        assertThat(hook(second).pending()).isZero();
    }

    @Test
    void closeIsPromptWhileADeliveryHangsAndLeavesItPending() {
        receiver.delay(1500);
        AlertOutbox first = open(Clock.systemUTC(), OutboxDeliveryTest.fast().withCloseTimeout(Duration.ofSeconds(1)));
        first.enqueue(trigger("INC-1", Severity.P1));
        Eventually.until("the request in flight", WAIT, () -> receiver.arrivals() == 1);

        long start = System.nanoTime();
        first.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        assertThat(hook(first).pending()).isEqualTo(1);

        receiver.delay(0);
        AlertOutbox second = open();
        Eventually.until("delivered after reopening", WAIT, () -> hook(second).delivered() == 1);
        // the abandoned exchange may also have reached the receiver: at least once, never lost
        assertThat(receiver.requests()).extracting(r -> r.header("Idempotency-Key")).containsOnly("INC-1/opened");
    }

    @Test
    void aTornJournalTailIsCutAndTheAcknowledgedAlertsStillGo() throws IOException {
        receiver.stop();
        AlertOutbox first = open();
        first.enqueue(trigger("INC-1", Severity.P1));
        first.enqueue(trigger("INC-2", Severity.P1));
        first.close();
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        }
        // a record cut short, as a kill in the middle of a write leaves it
        Files.write(segment, new byte[] {(byte) 0xA1, 0, 0, 0, 80, 1, 2}, StandardOpenOption.APPEND);

        receiver.restart();
        AlertOutbox second = open();
        Eventually.until("both delivered", WAIT, () -> hook(second).delivered() == 2);
        assertThat(receiver.acceptedIds()).containsExactly("INC-1/opened", "INC-2/opened");
    }

    @Test
    void pendingAlertsOutliveTheJournalRetention() throws IOException {
        TestClock clock = new TestClock(NOV_22);
        OutboxOptions options = OutboxDeliveryTest.fast()
                .withJournal(JournalOptions.defaults().withRetention(Duration.ofDays(2)));
        receiver.stop();
        AlertOutbox first = open(clock, options);
        first.enqueue(trigger("INC-1", Severity.P1));
        Eventually.until("a failed attempt", WAIT, () -> hook(first).retrying() == 1);

        // the receiver stays down past half the retention: the next attempt writes the alert again
        clock.advance(Duration.ofHours(36));
        Eventually.until("an attempt after the clock moved", WAIT, () -> hook(first).lastError()
                .map(p -> !p.time().isBefore(clock.instant())).orElse(false));
        first.close();
        assertThat(kinds(clock)).containsExactly("enqueued", "carried");

        // days later the first day's segment has expired, yet the alert is delivered, once
        clock.advance(Duration.ofDays(3));
        receiver.restart();
        AlertOutbox second = open(clock, options);
        Eventually.until("delivered", WAIT, () -> hook(second).delivered() == 1);
        assertThat(dir.resolve("journal-2026-11-22.log")).doesNotExist();
        assertThat(receiver.acceptedIds()).containsExactly("INC-1/opened");
        second.close();

        AlertOutbox third = open(clock, options);
        assertThat(hook(third).delivered()).isEqualTo(1);
        assertThat(hook(third).pending()).isZero();
    }

    @Test
    void idsWhoseRecordsExpiredAreNewAgainAndNeverWaitedFor() {
        TestClock clock = new TestClock(NOV_22);
        OutboxOptions options = OutboxDeliveryTest.fast()
                .withJournal(JournalOptions.defaults().withRetention(Duration.ofDays(2)));
        AlertOutbox first = open(clock, options);
        for (int i = 1; i <= 3; i++) {
            first.enqueue(trigger("INC-" + i, Severity.P1));
        }
        Eventually.until("delivered", WAIT, () -> hook(first).delivered() == 3);
        first.close();

        clock.advance(Duration.ofDays(10)); // every segment expires; the journal starts its sequences afresh
        AlertOutbox second = open(clock, options);
        assertThat(hook(second).delivered()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> second.enqueue(trigger("INC-3", Severity.P1)));
        Eventually.until("delivered as new", WAIT, () -> hook(second).delivered() == 1);
        assertThat(receiver.acceptedIds()).containsExactly("INC-1/opened", "INC-2/opened", "INC-3/opened", "INC-3/opened");
    }

    private List<String> kinds(Clock clock) {
        JournalOptions keepAll = JournalOptions.defaults().withRetention(Duration.ofDays(3650));
        try (Journal journal = Journal.open(dir, keepAll, clock); Stream<JournalEntry> entries = journal.readAll()) {
            return entries.map(JournalEntry::kind).toList();
        }
    }
}
