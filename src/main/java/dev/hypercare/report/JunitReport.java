package dev.hypercare.report;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import java.util.Locale;

/**
 * {@code junit.xml}: the verdict as a test suite, so that any CI shows each threshold as a test.
 * FAIL is a failure, NO_DATA an error (nothing could be judged), WARN a pass whose warning is in
 * {@code system-out}; a fired rollback rule is a failure, a fired escalation rule a pass with its
 * note (it pages someone, it does not stop the launch).
 */
public final class JunitReport {
    private JunitReport() {}

    public static String render(GateReport report) {
        var result = report.result();
        var cases = new StringBuilder();
        int tests = 0, failures = 0, errors = 0;
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
                case SKIPPED -> cases.append(">\n    <skipped message=\"").append(Xml.escape(f.explanation()))
                        .append("\"/>\n  </testcase>\n");
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
                .append("\" errors=\"").append(errors).append("\" skipped=\"0\" timestamp=\"").append(run.start())
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
        xml.append("  </properties>\n");
        xml.append(cases);
        return xml.append("</testsuite>\n").toString();
    }

    /** {@code slo.http}, {@code slo.request "login"}: CI groups test cases by class name. */
    private static String classname(String scopeLabel) {
        return Xml.escape("slo." + scopeLabel);
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("    <property name=\"").append(Xml.escape(name)).append("\" value=\"").append(Xml.escape(value)).append("\"/>\n");
    }
}
