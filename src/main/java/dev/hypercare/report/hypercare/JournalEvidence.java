package dev.hypercare.report.hypercare;

import dev.hypercare.BadInputException;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.incident.StateChange;
import dev.hypercare.journal.JournalProblem;
import dev.hypercare.journal.JournalReader;
import dev.hypercare.probe.ResultCodec;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a report knows from the journal, read in one pass: probe results aggregated over {@code span}
 * (summary decoding only), every incident snapshot and state change written before the span's end, how
 * far the journal's results reach, and the damage the read met.
 *
 * <p>Segments are independent, so they are read on up to {@link #MAX_THREADS} threads, each with its
 * own reader and aggregate; the aggregates are added up and the incident side is put back in segment
 * (journal) order, so the result is the same as a read on one thread.
 *
 * @param coverage  the first and last result time in the journal before the span's end; empty when it has none
 * @param notes     one line per damaged segment or record still being written
 */
record JournalEvidence(Path journal, ProbeHistory history, IncidentHistory incidents, Optional<Window> coverage,
                       List<String> notes) {
    static final int MAX_THREADS = 4;

    JournalEvidence {
        notes = List.copyOf(notes);
    }

    /**
     * Reads {@code journal}: results in {@code span} (whole UTC minutes) with durations kept over
     * {@code detail}, and the incident side from the beginning of the journal up to the span's end.
     */
    static JournalEvidence read(Path journal, Window span, Window detail) {
        List<JournalReader.Segment> segments = JournalReader.open(journal).segments(Instant.MIN, span.end());
        int threads = Math.max(1, Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), segments.size()));
        SegmentPart[] parts = new SegmentPart[segments.size()];
        AtomicInteger next = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(journal, span, detail, segments, parts, next));
        }
        if (threads == 1) {
            workers.getFirst().run();
        } else {
            try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().name("journal-read").unstarted(r))) {
                List<Future<?>> running = new ArrayList<>();
                workers.forEach(w -> running.add(pool.submit(w)));
                for (Future<?> f : running) {
                    await(f);
                }
            }
        }

        ProbeHistory.Builder results = workers.getFirst().results;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (Worker w : workers) {
            if (w != workers.getFirst()) {
                results.merge(w.results);
            }
            first = Math.min(first, w.firstResult);
            last = Math.max(last, w.lastResult);
        }
        IncidentHistory.Builder incidents = new IncidentHistory.Builder();
        JournalReader.ReadReport report = JournalReader.ReadReport.EMPTY;
        for (SegmentPart part : parts) {
            part.snapshots().forEach(s -> incidents.incident(s.written(), s.incident()));
            part.changes().forEach(incidents::state);
            report = report.plus(part.report());
        }
        List<String> notes = new ArrayList<>();
        for (JournalProblem p : report.damage()) {
            notes.add(p.describe() + ": entries after it are missing from this report");
        }
        if (report.unreadTailBytes() > 0) {
            notes.add("journal: the last " + report.unreadTailBytes() + " bytes of the newest segment are a record being written"
                    + " (or a torn tail) and were not read");
        }
        Optional<Window> coverage = first > last
                ? Optional.empty()
                : Optional.of(new Window(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last)));
        return new JournalEvidence(journal, results.build(), incidents.build(), coverage, notes);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the journal", e);
        }
    }

    private record Snapshot(Instant written, dev.hypercare.incident.Incident incident) {}

    /** The incident side of one segment, in file order, and what reading it found. */
    private record SegmentPart(List<Snapshot> snapshots, List<StateChange> changes, JournalReader.ReadReport report) {}

    /** Reads segments until none is left; its own reader, decoder and aggregate. */
    private static final class Worker implements Runnable {
        private final Path journal;
        private final List<JournalReader.Segment> segments;
        private final SegmentPart[] parts;
        private final AtomicInteger next;
        private final JournalReader reader;
        private final ResultCodec.SummaryDecoder decoder = new ResultCodec.SummaryDecoder();
        private final ProbeHistory.Builder results;
        private final Instant spanStart;
        private final Instant spanEnd;
        private final long spanFrom;
        private long firstResult = Long.MAX_VALUE;
        private long lastResult = Long.MIN_VALUE;

        Worker(Path journal, Window span, Window detail, List<JournalReader.Segment> segments, SegmentPart[] parts, AtomicInteger next) {
            this.journal = journal;
            this.segments = segments;
            this.parts = parts;
            this.next = next;
            this.reader = JournalReader.open(journal);
            this.results = new ProbeHistory.Builder(span, detail);
            this.spanStart = span.start();
            this.spanEnd = span.end();
            this.spanFrom = span.start().toEpochMilli();
        }

        @Override
        public void run() {
            for (int i = next.getAndIncrement(); i < segments.size(); i = next.getAndIncrement()) {
                List<Snapshot> snapshots = new ArrayList<>();
                List<StateChange> changes = new ArrayList<>();
                // a segment before the span's first day holds no result of the span: only the incident side is read
                boolean before = segments.get(i).day().isBefore(ProbeHistory.day(spanStart));
                JournalReader.ReadReport report = reader.scanBatches(segments.get(i), Instant.MIN, spanEnd,
                        before ? b -> beforeSpan(b, snapshots, changes) : b -> inSpan(b, snapshots, changes));
                parts[i] = new SegmentPart(snapshots, changes, report);
            }
        }

        private void beforeSpan(JournalReader.Batch b, List<Snapshot> snapshots, List<StateChange> changes) {
            for (int i = 0; i < b.size(); i++) {
                if (b.kind(i).equals(ResultCodec.KIND)) {
                    coverage(b.epochMillis(i));
                } else {
                    incidentSide(b, i, snapshots, changes);
                }
            }
        }

        private void inSpan(JournalReader.Batch b, List<Snapshot> snapshots, List<StateChange> changes) {
            for (int i = 0; i < b.size(); i++) {
                if (b.kind(i).equals(ResultCodec.KIND)) {
                    long t = b.epochMillis(i);
                    coverage(t);
                    if (t >= spanFrom) {
                        try {
                            decoder.decode(b.payload(i), results);
                        } catch (IllegalArgumentException | java.time.DateTimeException e) {
                            throw bad(b, i, e);
                        }
                    }
                } else {
                    incidentSide(b, i, snapshots, changes);
                }
            }
        }

        private void coverage(long t) {
            firstResult = Math.min(firstResult, t);
            lastResult = Math.max(lastResult, t);
        }

        private void incidentSide(JournalReader.Batch b, int i, List<Snapshot> snapshots, List<StateChange> changes) {
            String kind = b.kind(i);
            try {
                if (kind.equals(IncidentCodec.INCIDENT)) {
                    snapshots.add(new Snapshot(Instant.ofEpochMilli(b.epochMillis(i)), IncidentCodec.decodeIncident(bytes(b.payload(i)))));
                } else if (kind.equals(IncidentCodec.STATE)) {
                    changes.add(IncidentCodec.decodeState(bytes(b.payload(i))));
                }
            } catch (IllegalArgumentException | java.time.DateTimeException | NullPointerException e) {
                throw bad(b, i, e);
            }
        }

        private BadInputException bad(JournalReader.Batch b, int i, Exception problem) {
            return new BadInputException("journal " + journal + ": entry " + b.sequence(i) + " (" + b.kind(i) + ", "
                    + Instant.ofEpochMilli(b.epochMillis(i)) + "): " + firstLine(problem), problem);
        }

        private static byte[] bytes(java.nio.ByteBuffer payload) {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(payload.position(), bytes);
            return bytes;
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
