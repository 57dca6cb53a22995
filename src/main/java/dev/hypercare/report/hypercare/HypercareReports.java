package dev.hypercare.report.hypercare;

import dev.hypercare.BadInputException;
import dev.hypercare.report.Headline;
import dev.hypercare.slo.SloPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The {@code hypercare report} commands: reads the policy and the journal, builds a report, writes its
 * Markdown, HTML and JSON, prints where, and returns the exit code. Days are UTC days.
 */
public final class HypercareReports {
    /** What the command line asked for; {@code date} empty means the report's default day. */
    public record Options(Path journal, Optional<LocalDate> date, Path policy, Path out, Clock clock) {}

    private HypercareReports() {}

    /** The daily report of {@code --date} (default: yesterday); exit code of the day's status. */
    public static int daily(Options o, PrintStream out) throws IOException {
        Instant now = o.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate day = o.date().orElse(today.minusDays(1));
        notAfter(day, today);
        DailyReport r = DailyReports.build(o.journal(), policyLoading(o.policy()), o.policy().toString(), day, now);
        HypercareReportFiles.Written written = HypercareReportFiles.write(o.out(), "daily-" + day,
                HypercareMarkdown.daily(r), HypercareHtml.daily(r), HypercareJson.daily(r));
        Headline h = Headline.of(r.status());
        print(out, "daily " + day + ": " + r.status().verdict().colour() + " (" + h.title() + "): " + h.reason(), written);
        return r.status().verdict().exitCode(false);
    }

    /** The weekly report of the 7 days ending with {@code --date} (default: yesterday); exit code of the week's status. */
    public static int weekly(Options o, PrintStream out) throws IOException {
        Instant now = o.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate last = o.date().orElse(today.minusDays(1));
        notAfter(last, today);
        WeeklyReport r = WeeklyReports.build(o.journal(), policyLoading(o.policy()), o.policy().toString(), last, now);
        HypercareReportFiles.Written written = HypercareReportFiles.write(o.out(), "weekly-" + r.first() + "_" + r.last(),
                HypercareMarkdown.weekly(r), HypercareHtml.weekly(r), HypercareJson.weekly(r));
        Headline h = Headline.of(r.status());
        print(out, "weekly " + r.first() + " – " + r.last() + ": " + r.status().verdict().colour() + " (" + h.title() + "): " + h.reason()
                + " Availability " + r.availability().label() + ", latency " + r.latency().label() + ".", written);
        return r.status().verdict().exitCode(false);
    }

    /** The exit review up to the end of {@code --date} (default: now); 0 READY FOR BAU, 1 a criterion fails, 3 no data decides. */
    public static int exit(Options o, PrintStream out) throws IOException {
        Instant now = o.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate last = o.date().orElse(today);
        notAfter(last, today);
        ExitReport r = ExitReports.build(o.journal(), last, now);
        HypercareReportFiles.Written written = HypercareReportFiles.write(o.out(), "exit-" + last,
                HypercareMarkdown.exit(r), HypercareHtml.exit(r), HypercareJson.exit(r));
        StringBuilder line = new StringBuilder("exit as of " + ReportText.dateTime(r.asOf()) + ": " + r.decision().label());
        for (ExitReport.Criterion c : r.criteria()) {
            line.append("\n  ").append(String.format(java.util.Locale.ROOT, "%-7s", c.outcome())).append(' ').append(c.name()).append(": ")
                    .append(c.measured()).append(" (threshold ").append(c.threshold()).append("); ").append(c.evidence());
        }
        print(out, line.toString(), written);
        return r.decision().exitCode();
    }

    /**
     * The policy, loaded on another thread while the journal is read: the YAML machinery's first use costs
     * about as much as reading a month of journal on one core.
     */
    static Supplier<SloPolicy> policyLoading(Path file) {
        CompletableFuture<SloPolicy> loading = CompletableFuture.supplyAsync(() -> SloPolicy.load(file));
        return () -> {
            try {
                return loading.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        };
    }

    static void notAfter(LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw new BadInputException("--date: expected a UTC day no later than today (" + today + "), found " + day);
        }
    }

    /** {@code head} (one or more lines), then where the three files went. */
    private static void print(PrintStream out, String head, HypercareReportFiles.Written written) {
        out.println("hypercare report " + head);
        out.println("  markdown: " + written.markdown());
        out.println("  html:     " + written.html());
        out.println("  json:     " + written.json());
    }
}
