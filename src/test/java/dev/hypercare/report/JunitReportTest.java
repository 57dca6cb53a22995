package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportTest {

    @Test
    void oneTestCasePerFindingAndRuleWithFailuresForFailsAndFiredRollbacks() throws Exception {
        Document xml = parse(JunitReport.render(Fixtures.rollback()));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("hypercare gate");
        assertThat(suite.getAttribute("tests")).isEqualTo("9");
        assertThat(suite.getAttribute("failures")).isEqualTo("2"); // p95 FAIL, rollback rule fired
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(9);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(2);

        Element p95 = testcase(xml, "p95 latency");
        assertThat(p95.getAttribute("classname")).isEqualTo("slo.http");
        Element failure = (Element) p95.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("p95 latency is 1.2 s (limits: warn > 500 ms, critical > 1 s)");
        assertThat(failure.getTextContent()).isEqualTo("p95 1.2 s is over the critical limit 1 s");

        Element rule = testcase(xml, "rollback rule error spike");
        assertThat(rule.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(testcase(xml, "login p99").getAttribute("classname")).isEqualTo("slo.request \"login\"");
    }

    @Test
    void warningsPassWithTheirTextAndFiredEscalationsDoNotFail() throws Exception {
        Document xml = parse(JunitReport.render(Fixtures.noGo()));
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        Element warn = testcase(xml, "error rate");
        assertThat(warn.getElementsByTagName("failure").getLength()).isZero();
        assertThat(warn.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("WARN: error rate is 2.4 % (limits: warn > 1 %, critical > 5 %). 2.4 % is over the warning limit 1 %");
        Element escalation = testcase(xml, "escalate rule slow logins");
        assertThat(escalation.getElementsByTagName("failure").getLength()).isZero();
        assertThat(escalation.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("ESCALATE: p99 > 1.5 s for 1m");
    }

    @Test
    void noDataIsAnErrorAndPropertiesNameVerdictAndRuns() throws Exception {
        Document xml = parse(JunitReport.render(Fixtures.inconclusive()));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        Element error = (Element) testcase(xml, "p95 latency").getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("no data: 12 samples, 100 needed");
        assertThat(properties(xml)).contains("verdict=INCONCLUSIVE", "runId=run-a", "runId=run-b", "exitCode=3",
                "inconclusiveReason=key metric p95 on http had 12 samples, 100 needed");
    }

    @Test
    void controlCharactersAndMarkupInTextStayValidXml() throws Exception {
        var finding = new Finding("<p95> & \"quotes\"\u0007", Metric.P95, new Scope.Request("a\u0000b"), Fixtures.EVALUATED, 2_000, 10, 1,
                Outcome.FAIL, "critical > 1 s", true, "line one\nline two \uD800 ]]> done");
        var report = Fixtures.withSeries(Fixtures.report(new GateResult(Verdict.NO_GO, List.of(finding), List.of(), Optional.empty()), List.of()), List.of());
        Document xml = parse(JunitReport.render(report));
        Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("<p95> & \"quotes\"\uFFFD");
        assertThat(testcase.getAttribute("classname")).isEqualTo("slo.request \"a\uFFFDb\"");
        assertThat(testcase.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("line one\nline two \uFFFD ]]> done");
    }

    static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Document xml, String name) {
        var cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            var element = (Element) cases.item(i);
            if (element.getAttribute("name").equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no testcase named " + name);
    }

    private static List<String> properties(Document xml) {
        var nodes = xml.getElementsByTagName("property");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i))
                .map(e -> e.getAttribute("name") + "=" + e.getAttribute("value")).toList();
    }
}
