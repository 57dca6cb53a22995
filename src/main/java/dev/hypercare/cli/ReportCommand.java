package dev.hypercare.cli;

import dev.hypercare.report.hypercare.HypercareReports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypercare report daily|weekly|exit}: hypercare reports from the probe journal. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Hypercare reports from the probe journal, as Markdown, self-contained HTML and JSON. Days are UTC days.",
            "daily: one day's status colour (set by the SLO policy), figures, incidents and state timeline;",
            "weekly: the week day by day, incidents, time to resolve, trends; exit: the hypercare exit criteria."
        },
        subcommands = {ReportCommand.Daily.class, ReportCommand.Weekly.class, ReportCommand.Exit.class})
final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a report is required (daily, weekly, exit)");
    }

    /** The options every report takes. */
    static final class Common {
        @Option(names = "--journal", paramLabel = "DIR", description = "The probe journal (default: reports/journal/ in the project).")
        Path journal;

        @Option(names = "--policy", paramLabel = "FILE", description = "SLO policy (default: profiles/slo.yaml).")
        Path policy;

        @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: reports/hypercare/ in the project).")
        Path out;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
                description = "The UTC day (daily), the week's last day (weekly) or the review's last day (exit).")
        LocalDate date;

        HypercareReports.Options options() {
            Path home = HypercareHome.get();
            return new HypercareReports.Options(
                    journal != null ? journal : home.resolve("reports").resolve("journal"),
                    Optional.ofNullable(date),
                    policy != null ? policy : home.resolve("profiles").resolve("slo.yaml"),
                    out != null ? out : home.resolve("reports").resolve("hypercare"),
                    Clock.systemUTC());
        }
    }

    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("expected a UTC date like 2026-12-01, found '" + value + "'");
            }
        }
    }

    @Command(name = "daily", mixinStandardHelpOptions = true, description = {
        "The status of one UTC day (default: yesterday): uptime, p95 latency, error rate, incidents by severity,",
        "the status colour set by the policy, the change since the day before, top failure reasons, state timeline.",
        "Exits 0 GREEN or AMBER, 1 RED, 3 no data."})
    static final class Daily implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            return HypercareReports.daily(common.options(), System.out);
        }
    }

    @Command(name = "weekly", mixinStandardHelpOptions = true, description = {
        "The seven UTC days ending with --date (default: the last 7 full days) day by day, incidents and the mean",
        "time to resolve them, and whether availability and latency improve, hold or degrade.",
        "Exits with the week's status: 0 GREEN or AMBER, 1 RED, 3 no data."})
    static final class Weekly implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            return HypercareReports.weekly(common.options(), System.out);
        }
    }

    @Command(name = "exit", mixinStandardHelpOptions = true, description = {
        "Checks the hypercare exit criteria against the journal up to the end of --date (default: now):",
        "error rate < 1 % on each of the last 7 days, no P0 in 7 days, availability >= 99.9 % over 14 days,",
        "no P1 in 14 days, fewer than 3 P2 in 14 days. Exits 0 READY FOR BAU, 1 a criterion fails, 3 no data."})
    static final class Exit implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            return HypercareReports.exit(common.options(), System.out);
        }
    }
}
