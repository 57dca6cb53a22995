package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultCodecTest {
    private static final Instant START = Instant.parse("2026-11-22T10:15:30.123456789Z");

    private static ProbeResult http(Reason reason, boolean success, int status) {
        Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
        phases.put(Phase.DNS, Duration.ofNanos(1_234));
        phases.put(Phase.PROCESSING, Duration.ofMillis(12).plusNanos(345_678));
        phases.put(Phase.TRANSFER, Duration.ofNanos(987_654));
        return new ProbeResult("demo live", "eu-west", START, success, status, reason, Duration.ofNanos(13_567_890),
                phases,
                List.of(new ConditionResult("[STATUS] == 200", status == 200, "[STATUS] (" + status + ") == 200"),
                        new ConditionResult("[BODY].status == \"UP\"", success, "[BODY].status (\"UP\") == \"UP\""),
                        new ConditionResult("[RESPONSE_TIME] < 500ms", true, "[RESPONSE_TIME] (13ms) < 500ms")),
                Optional.empty(), success ? "" : "status 503");
    }

    private static ProbeResult roundTrip(ProbeResult r) {
        return ResultCodec.decode(ResultCodec.encode(r));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonRoundTripsAndItsSummaryMatches(Reason reason) {
        ProbeResult r = http(reason, reason == Reason.OK, reason == Reason.OK ? 200 : 503);
        assertThat(roundTrip(r)).isEqualTo(r);
        assertThat(ResultCodec.decodeSummary(ResultCodec.encode(r))).isEqualTo(ResultSummary.of(r));
    }

    @Test
    void reasonsAreStoredByTheirFixedCodeNotTheirOrdinal() {
        // The table is the format: these codes must never change, whatever order the enum is in.
        String[] byCode = {"OK", "TIMEOUT", "REFUSED", "DNS", "TLS", "STATUS", "CONDITION", "BODY_TOO_LARGE",
                "REDIRECTS", "CERTIFICATE", "PROTOCOL", "ERROR"};
        assertThat(Reason.values()).hasSize(byCode.length);
        for (int code = 0; code < byCode.length; code++) {
            Reason reason = Reason.valueOf(byCode[code]);
            assertThat(ResultCodec.reasonCode(reason)).as(reason.name()).isEqualTo(code);
            byte[] payload = ResultCodec.encode(minimal(reason));
            assertThat(payload[reasonOffset(payload)]).as(reason.name()).isEqualTo((byte) code);
        }
        String[] phases = {"DNS", "CONNECT", "TLS", "PROCESSING", "TRANSFER"};
        for (int code = 0; code < phases.length; code++) {
            assertThat(ResultCodec.phaseCode(Phase.valueOf(phases[code]))).isEqualTo(code);
        }
        String[] expiries = {"OK", "WARN", "CRITICAL", "EXPIRED"};
        for (int code = 0; code < expiries.length; code++) {
            assertThat(ResultCodec.expiryCode(CertificateStatus.Expiry.valueOf(expiries[code]))).isEqualTo(code);
        }
    }

    /** version, "p", "", start (2 + 1 bytes for epoch 0 + 1 ns), flags, status: the reason follows. */
    private static int reasonOffset(byte[] payload) {
        assertThat(payload[1]).isEqualTo((byte) 1);
        return 1 + 2 + 1 + 2 + 1 + 1;
    }

    private static ProbeResult minimal(Reason reason) {
        return new ProbeResult("p", "", Instant.ofEpochSecond(0, 1), false, -1, reason, Duration.ZERO, Map.of(), List.of(),
                Optional.empty(), "");
    }

    @Test
    void aPinnedVersion1PayloadStillDecodes() {
        // Written by the first version of the codec; a change that breaks it breaks every journal on disk.
        ProbeResult r = new ProbeResult("demo live", "", Instant.parse("2026-11-22T10:00:00.5Z"), false, 503, Reason.STATUS,
                Duration.ofMillis(12), Map.of(Phase.PROCESSING, Duration.ofMillis(11)),
                List.of(new ConditionResult("[STATUS] == 200", false, "[STATUS] (503) == 200")), Optional.empty(), "status 503");
        String pinned = "01" + "09" + "64656d6f206c697665" + "00" // version, probe, location ""
                + "c0f495b00d" + "80cab5ee01" // start: zigzag epoch seconds, nanos
                + "00" + "ee07" + "05" + "00" + "80b6dc05" // flags, status 503, reason STATUS, total 12 ms
                + "01" + "03" + "00" + "c0b19f05" // one phase: PROCESSING 11 ms
                + "01" + "0f" + "5b5354415455535d203d3d20323030" + "00" // one condition, written, failed
                + "09" + "06" + "06" + "283530332920" // resolved: 9 bytes kept, 6 bytes kept, "(503) " between
                + "0a" + "73746174757320353033"; // message
        byte[] payload = HexFormat.of().parseHex(pinned);
        assertThat(ResultCodec.decode(payload)).isEqualTo(r);
        assertThat(ResultCodec.encode(r)).isEqualTo(payload);
    }

    @Test
    void phasesConditionsCertificateAndUnicodeRoundTripExactly() {
        Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            phases.put(p, Duration.ofSeconds(p.ordinal(), 999_999_999 - p.ordinal()));
        }
        CertificateStatus cert = new CertificateStatus("CN=café.example, O=Ünïcødé 🔒", Instant.parse("2027-01-31T23:59:59.000000001Z"),
                -3, CertificateStatus.Expiry.EXPIRED, false);
        ProbeResult r = new ProbeResult("naïve probe ☃", "zürich-1 🏔", Instant.parse("1969-12-31T23:59:59.999999999Z"), false, -1,
                Reason.CERTIFICATE, Duration.ofDays(3).plusNanos(7), phases,
                List.of(new ConditionResult("[BODY].name == \"日本\"", false, "[BODY].name (\"日本語\") == \"日本\""),
                        new ConditionResult("[BODY].e == \"😀\"", false, "[BODY].e (\"😁\") == \"😀\""),
                        new ConditionResult("", true, ""),
                        new ConditionResult("same", true, "same"),
                        new ConditionResult("long written text", false, "x"),
                        new ConditionResult("a", false, "completely different and longer")),
                Optional.of(cert), "certificate expired 3 days ago — ¡renew!");
        ProbeResult back = roundTrip(r);
        assertThat(back).isEqualTo(r);
        assertThat(back.start().getNano()).isEqualTo(999_999_999);
        assertThat(back.phases().get(Phase.TRANSFER)).isEqualTo(Duration.ofSeconds(4, 999_999_995));
        assertThat(ResultCodec.decodeSummary(ResultCodec.encode(r))).isEqualTo(ResultSummary.of(r));
    }

    @Test
    void aTypicalHttpResultIsCompact() {
        ProbeResult r = http(Reason.OK, true, 200);
        byte[] payload = ResultCodec.encode(r);
        // probe, location, 3 phases, 3 conditions kept as written plus the resolved values' difference
        assertThat(payload.length).isLessThan(150);
        assertThat(new String(payload, java.nio.charset.StandardCharsets.UTF_8)).contains("[STATUS] == 200")
                .doesNotContain("[STATUS] (200) == 200");
    }

    @Test
    void summaryReadsOnlyTheLeadingFields() {
        ProbeResult r = http(Reason.TIMEOUT, false, -1);
        byte[] payload = ResultCodec.encode(r);
        // the same result without detail ends in three zero bytes: no phases, no conditions, empty message
        int summaryLength = ResultCodec.encode(new ProbeResult(r.probe(), r.location(), r.start(), r.success(), r.status(),
                r.reason(), r.total(), Map.of(), List.of(), Optional.empty(), "")).length - 3;
        ByteBuffer summaryOnly = ByteBuffer.wrap(payload, 0, summaryLength);
        assertThat(ResultCodec.decodeSummary(summaryOnly)).isEqualTo(ResultSummary.of(r));
        assertThatThrownBy(() -> ResultCodec.decode(summaryOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("probe result payload: truncated");
    }

    @Test
    void theSummaryDecoderGivesTheSameSummariesAndSharesRepeatedNames() {
        ResultCodec.SummaryDecoder decoder = new ResultCodec.SummaryDecoder();
        ResultSummary previous = null;
        for (int i = 0; i < 600; i++) {
            // 300 probe names: more than the decoder's slots, so some collide and take turns
            ProbeResult r = new ProbeResult("probe-" + i % 300 + (i % 7 == 0 ? "-ü" : ""), "loc", START.plusSeconds(i), i % 5 != 0, 200,
                    Reason.OK, Duration.ofMillis(i), Map.of(), List.of(), Optional.empty(), "");
            ResultSummary s = decoder.decode(ByteBuffer.wrap(ResultCodec.encode(r)));
            assertThat(s).isEqualTo(ResultSummary.of(r));
            if (previous != null) {
                assertThat(s.location()).isSameAs(previous.location());
            }
            previous = s;
        }
        ProbeResult timeout = http(Reason.TIMEOUT, false, -1);
        List<Object> fields = new java.util.ArrayList<>();
        decoder.decode(ByteBuffer.wrap(ResultCodec.encode(timeout)), (probe, location, second, nano, success, status, reason, totalSeconds,
                totalNano) -> fields.addAll(List.of(probe, location, second, nano, success, status, reason, totalSeconds, totalNano)));
        assertThat(fields).containsExactly("demo live", "eu-west", START.getEpochSecond(), START.getNano(), false, -1, Reason.TIMEOUT,
                0L, 13_567_890);
        ResultSummary a = decoder.decode(ByteBuffer.wrap(ResultCodec.encode(http(Reason.OK, true, 200))));
        ResultSummary b = decoder.decode(ByteBuffer.wrap(ResultCodec.encode(http(Reason.TIMEOUT, false, -1))));
        assertThat(b.probe()).isSameAs(a.probe());
    }

    @Test
    void decodesFromASliceOfALargerBufferWithoutMovingIt() {
        ProbeResult r = http(Reason.REFUSED, false, -1);
        byte[] payload = ResultCodec.encode(r);
        byte[] big = new byte[payload.length + 20];
        Arrays.fill(big, (byte) 0x7F);
        System.arraycopy(payload, 0, big, 7, payload.length);
        ByteBuffer view = ByteBuffer.wrap(big).position(7).limit(7 + payload.length);
        assertThat(ResultCodec.decode(view)).isEqualTo(r);
        assertThat(ResultCodec.decodeSummary(view.asReadOnlyBuffer())).isEqualTo(ResultSummary.of(r));
        assertThat(view.position()).isEqualTo(7);
    }

    @Test
    void anUnknownVersionIsAClearError() {
        byte[] payload = ResultCodec.encode(http(Reason.OK, true, 200));
        payload[0] = 2;
        assertThatThrownBy(() -> ResultCodec.decode(payload)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe result payload: unknown format version 2 (this build reads version 1;"
                        + " was the journal written by a newer Hypercare?)");
        assertThatThrownBy(() -> ResultCodec.decodeSummary(payload)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown format version 2");
        assertThatThrownBy(() -> ResultCodec.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe result payload: empty, expected format version 1");
    }

    @Test
    void damagedPayloadsAreRejectedNotMisread() {
        byte[] good = ResultCodec.encode(minimal(Reason.OK));
        byte[] badReason = good.clone();
        badReason[reasonOffset(badReason)] = 12;
        assertThatThrownBy(() -> ResultCodec.decodeSummary(badReason)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe result payload: unknown reason code 12 at byte " + (reasonOffset(good) + 1));
        byte[] extra = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> ResultCodec.decode(extra)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 unexpected bytes after the message");
        for (int cut = 1; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> ResultCodec.decode(truncated)).as("cut at %d", cut)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("probe result payload: ");
        }
        byte[] hugeLength = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        assertThatThrownBy(() -> ResultCodec.decodeSummary(hugeLength)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beyond the 0 bytes left");
    }
}
