package dev.hypercare.report;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import java.util.Locale;

/**
 * {@code junit.xml}: the verdict as a test suite, so that any CI shows each threshold as a test.
 * The health probes' figures and incidents are in the suite's {@code system-out} and properties.
 * FAIL is a failure, NO_DATA an error (nothing could be judged), WARN a pass whose warning is in
 * {@code system-out}; a fired rollback rule is a failure, a fired escalation rule a pass with its
 * note (it pages someone, it does not stop the launch).
 */
public final class JunitReport {
    private JunitReport() {}

    public static String render(GateReport report) {
        var result = report.result();
        var cases = new StringBuilder();
        int tests = 0, failures = 0, errors = 0, skipped = 0;
        for (Finding f : result.findings()) {
            tests++;
            String measured = ValueText.of(f.measured(), f.metric().unit());
            cases.append("  <testcase classname=\"").append(classname(f.scope().label())).append("\" name=\"")
                    .append(Xml.escape(f.name())).append("\" time=\"0\"");
            switch (f.outcome()) {
                case PASS -> cases.append("/>\n");
                case WARN -> cases.append(">\n    <system-out>").append(Xml.escape("WARN: " + f.name() + " is " + measured
                        + " (limits: " + f.limits() + "). " + f.explanation())).append("</system-out>\n  </testcase>\n");
                case FAIL -> {
                    failures++;
                    cases.append(">\n    <failure type=\"FAIL\" message=\"").append(Xml.escape(f.name() + " is " + measured
                            + " (limits: " + f.limits() + ")")).append("\">").append(Xml.escape(f.explanation()))
                            .append("</failure>\n  </testcase>\n");
                }
                case SKIPPED -> {
                    skipped++;
                    cases.append(">\n    <skipped message=\"").append(Xml.escape(f.explanation()))
                            .append("\"/>\n  </testcase>\n");
                }
                case NO_DATA -> {
                    errors++;
                    cases.append(">\n    <error type=\"NO_DATA\" message=\"").append(Xml.escape("no data: " + ValueText.count(f.samples())
                            + " samples, " + ValueText.count(f.minSamples()) + " needed")).append("\">")
                            .append(Xml.escape(f.explanation())).append("</error>\n  </testcase>\n");
                }
            }
        }
        for (RuleFinding r : result.rules()) {
            tests++;
            String kind = r.kind().name().toLowerCase(Locale.ROOT);
            cases.append("  <testcase classname=\"").append(classname(r.scope().label())).append("\" name=\"")
                    .append(Xml.escape(kind + " rule " + r.name())).append("\" time=\"0\"");
            if (!r.fired()) {
                cases.append("/>\n");
            } else if (r.kind() == RuleFinding.Kind.ROLLBACK) {
                failures++;
                cases.append(">\n    <failure type=\"ROLLBACK\" message=\"").append(Xml.escape("rollback rule fired: " + r.condition()))
                        .append("\">").append(Xml.escape(r.explanation())).append("</failure>\n  </testcase>\n");
            } else {
                cases.append(">\n    <system-out>").append(Xml.escape("ESCALATE: " + r.condition() + ". " + r.explanation()))
                        .append("</system-out>\n  </testcase>\n");
            }
        }
        var run = report.run();
        var xml = new StringBuilder(cases.length() + 1_024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"hypercare gate\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\" timestamp=\"").append(run.start())
                .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", run.span().length().toMillis() / 1_000.0)).append("\">\n");
        xml.append("  <properties>\n");
        property(xml, "verdict", result.verdict().label());
        property(xml, "colour", result.verdict().colour());
        property(xml, "exitCode", String.valueOf(result.verdict().exitCode(false)));
        result.inconclusiveReason().ifPresent(reason -> property(xml, "inconclusiveReason", reason));
        for (String runId : run.runIds()) {
            property(xml, "runId", runId);
        }
        property(xml, "profile", run.profile());
        property(xml, "target", run.target());
        report.healthProbes().ifPresent(h -> {
            property(xml, "healthProbes.availability", ValueText.percent(h.all().availability()));
            property(xml, "healthProbes.incidents", String.valueOf(h.incidents().size()));
            property(xml, "healthProbes.stillOpen", String.valueOf(h.incidents().stream().filter(HealthProbes.IncidentRow::stillOpen).count()));
        });
        xml.append("  </properties>\n");
        xml.append(cases);
        // newlines kept as such: in text content they need no reference, and the file stays readable
        xml.append("  <system-out>").append(Xml.escape(healthText(report)).replace("&#10;", "\n")).append("</system-out>\n");
        return xml.append("</testsuite>\n").toString();
    }

    /**
     * The health-probe section as plain text, for the suite's output: the probes' thresholds are test
     * cases already; this says what the probes saw and which incidents they opened.
     */
    private static String healthText(GateReport report) {
        if (report.healthProbes().isEmpty()) {
            return "Health probes during the run: " + HealthText.NONE_RAN;
        }
        HealthProbes h = report.healthProbes().get();
        var text = new StringBuilder("Health probes during the run: ").append(HealthText.intro(h)).append('\n');
        for (HealthProbes.ProbeRow p : h.probes()) {
            probeLine(text, p);
        }
        probeLine(text, h.all());
        if (h.incidents().isEmpty()) {
            text.append("No incident was opened during the run.\n");
        }
        for (HealthProbes.IncidentRow i : h.incidents()) {
            text.append("Incident ").append(i.id()).append(h.severalRuns() ? " (run " + i.runId() + ")" : "").append(' ')
                    .append(i.severity()).append(": ").append(i.title()).append("; opened ")
                    .append(ValueText.moment(i.opened(), h.window().start())).append(", resolved: ")
                    .append(HealthText.resolved(i, h.window().start())).append('\n');
        }
        h.notes().forEach(note -> text.append("Note: ").append(note).append('\n'));
        return text.toString();
    }

    private static void probeLine(StringBuilder text, HealthProbes.ProbeRow p) {
        text.append("  ").append(p.name()).append(": ").append(ValueText.count(p.samples())).append(" results, ")
                .append(ValueText.count(p.failures())).append(" failed, availability ").append(ValueText.percent(p.availability()))
                .append(", p95 ").append(ValueText.millis(p.p95Millis())).append(", max ").append(ValueText.millis(p.maxMillis()));
        if (!p.topReasons().isEmpty()) {
            text.append("; ").append(HealthText.reasons(p));
        }
        text.append('\n');
    }

    /** {@code slo.http}, {@code slo.request "login"}: CI groups test cases by class name. */
    private static String classname(String scopeLabel) {
        return Xml.escape("slo." + scopeLabel);
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("    <property name=\"").append(Xml.escape(name)).append("\" value=\"").append(Xml.escape(value)).append("\"/>\n");
    }
}
