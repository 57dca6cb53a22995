package dev.hypercare.report.hypercare;

import dev.hypercare.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The hypercare exit review: each exit criterion of DESIGN §5 checked against the journal, one line each
 * (measured value, threshold, outcome, evidence), the decision, the last 14 days day by day and the
 * whole period the journal covers.
 *
 * @param asOf     the review's time: the end of {@code lastDay}, or now while that day is running
 * @param coverage the first and last result of the journal up to {@code asOf}
 */
public record ExitReport(
        String journal,
        LocalDate lastDay,
        Instant asOf,
        Optional<Window> coverage,
        List<Criterion> criteria,
        Decision decision,
        List<DayFigures> days,
        Period period,
        List<IncidentRow> incidents,
        List<String> notes) {

    public static final int SCHEMA_VERSION = 1;

    public ExitReport {
        criteria = List.copyOf(criteria);
        days = List.copyOf(days);
        incidents = List.copyOf(incidents);
        notes = List.copyOf(notes);
    }

    public enum Outcome { PASS, FAIL, NO_DATA }

    /** One exit criterion: what it asks, what was measured, the threshold, the outcome and the evidence. */
    public record Criterion(String name, String measured, String threshold, Outcome outcome, String evidence) {}

    /** READY FOR BAU only when every criterion passes; any FAIL is NOT READY; otherwise no data decides. */
    public enum Decision {
        READY("READY FOR BAU", "GREEN", 0),
        NOT_READY("NOT READY FOR BAU", "RED", 1),
        NO_DATA("NO DATA: CANNOT DECIDE", "GREY", 3);

        private final String label;
        private final String colour;
        private final int exitCode;

        Decision(String label, String colour, int exitCode) {
            this.label = label;
            this.colour = colour;
            this.exitCode = exitCode;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }

        public int exitCode() {
            return exitCode;
        }

        static Decision of(List<Criterion> criteria) {
            if (criteria.stream().allMatch(c -> c.outcome() == Outcome.PASS)) {
                return READY;
            }
            return criteria.stream().anyMatch(c -> c.outcome() == Outcome.FAIL) ? NOT_READY : NO_DATA;
        }
    }

    /**
     * The whole period read (the journal's days up to the review, at most {@link ExitReports#MAX_PERIOD_DAYS}):
     * checks, availability, incidents by severity and the mean time to resolve those resolved in it.
     */
    public record Period(Window window, long checks, long failures, double availability, List<SeverityCount> severities,
                         int resolved, Optional<Duration> meanTimeToResolve) {
        public Period {
            severities = List.copyOf(severities);
        }
    }
}
