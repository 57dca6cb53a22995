package dev.hypercare.alert;

import static dev.hypercare.alert.Fixtures.NOV_22;
import static dev.hypercare.alert.Fixtures.escalated;
import static dev.hypercare.alert.Fixtures.resolve;
import static dev.hypercare.alert.Fixtures.trigger;
import static dev.hypercare.alert.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Folding outbox records into pending queues and counts, without I/O. */
class OutboxLedgerTest {
    private final OutboxLedger ledger = new OutboxLedger();

    @Test
    void pendingAlertsKeepTheirOrderAndLeaveWhenSettled() {
        ledger.apply(1, NOV_22, new OutboxRecord.Enqueued(trigger("A", Severity.P1), List.of("x", "y")));
        ledger.apply(2, NOV_22, new OutboxRecord.Enqueued(trigger("B", Severity.P1), List.of("x")));
        ledger.apply(3, NOV_22, new OutboxRecord.Delivered("A/opened", "y", 200));
        ledger.apply(4, NOV_22, new OutboxRecord.Rejected("A/opened", "x", "HTTP 400"));

        assertThat(ledger.head("x")).map(Alert::id).contains("B/opened");
        assertThat(ledger.head("y")).isEmpty();
        assertThat(ledger.pending("x")).isEqualTo(1);
        assertThat(ledger.delivered("y")).isEqualTo(1);
        assertThat(ledger.rejected("x")).isEqualTo(1);
        assertThat(ledger.sequenceOf("A/opened")).contains(1L);
        assertThat(ledger.pendingOutside(Set.of("y"))).isEqualTo(Map.of("x", 1L));
    }

    @Test
    void aCarriedRecordStandsInForAnEnqueuedOneThatRetentionDeleted() {
        // the Enqueued record of A is gone; its Carried copy lists only the channels still pending
        ledger.apply(7, NOV_22, new OutboxRecord.Carried(trigger("A", Severity.P1), List.of("y")));
        ledger.apply(8, NOV_22, new OutboxRecord.Carried(trigger("A", Severity.P1), List.of("y")));

        assertThat(ledger.head("y")).map(Alert::id).contains("A/opened");
        assertThat(ledger.pending("y")).isEqualTo(1);
        assertThat(ledger.pending("x")).isZero();
        assertThat(ledger.sequenceOf("A/opened")).contains(7L);
    }

    @Test
    void onlyAlertsWrittenBeforeTheCutoffAreCarried() {
        ledger.apply(1, NOV_22, new OutboxRecord.Enqueued(trigger("A", Severity.P1), List.of("x", "y")));
        ledger.apply(2, NOV_22.plus(Duration.ofDays(2)), new OutboxRecord.Enqueued(trigger("B", Severity.P1), List.of("x")));
        ledger.apply(3, NOV_22, new OutboxRecord.Delivered("A/opened", "x", 200));

        assertThat(ledger.lastWrittenBefore(NOV_22.plus(Duration.ofDays(1))))
                .containsExactly(new OutboxRecord.Carried(trigger("A", Severity.P1), List.of("y")));
        ledger.apply(4, NOV_22.plus(Duration.ofDays(3)), new OutboxRecord.Carried(trigger("A", Severity.P1), List.of("y")));
        assertThat(ledger.lastWrittenBefore(NOV_22.plus(Duration.ofDays(2)).plusSeconds(1)))
                .extracting(c -> c.alert().id()).containsExactly("B/opened");
    }

    @Test
    void aResolveGoesWhereverATriggerOfItsKeyWentAndNoFurther() {
        List<ChannelSpec> channels = List.of(webhook("pager", "http://h/", Severity.P1), webhook("all", "http://h/", Severity.P3));
        assertThat(ledger.channelsFor(trigger("I", Severity.P2), channels)).containsExactly("all");
        ledger.apply(1, NOV_22, new OutboxRecord.Enqueued(trigger("I", Severity.P2), List.of("all")));
        ledger.apply(2, NOV_22, new OutboxRecord.Enqueued(escalated("I", Severity.P1), List.of("pager", "all")));

        assertThat(ledger.channelsFor(resolve("I", Severity.P2), channels)).containsExactly("pager", "all");
        assertThat(ledger.channelsFor(resolve("OTHER", Severity.P2), channels)).containsExactly("all");

        ledger.apply(3, NOV_22, new OutboxRecord.Enqueued(resolve("I", Severity.P2), List.of("pager", "all")));
        // the incident is over: a stray second resolve follows severity alone
        assertThat(ledger.channelsFor(resolve("I", Severity.P2), channels)).containsExactly("all");
    }
}
