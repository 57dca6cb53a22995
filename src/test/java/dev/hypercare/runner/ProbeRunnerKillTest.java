package dev.hypercare.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalEntry;
import dev.hypercare.journal.JournalOptions;
import dev.hypercare.journal.JournalProblem;
import dev.hypercare.probe.ResultCodec;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.Outage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a separate runner process while it writes, then a restart: the journal reads back whole, the
 * open incidents are the same ones, and every alert reaches the receiver exactly once.
 */
class ProbeRunnerKillTest {
    @TempDir
    Path dir;

    @Test
    void killNineThenRestartLosesNothingAndDuplicatesNoAlert() throws Exception {
        try (DemoTarget target = RunnerFixture.target(); WebhookReceiver receiver = new WebhookReceiver()) {
            target.updateFaults(f -> f.withOutage(Outage.DOWN));
            Path config = dir.resolve("probes.yaml");
            Files.writeString(config, RunnerFixture.probesYaml("""
                    alerts:
                      - name: audit
                        kind: webhook
                        url: %s
                    """.formatted(receiver.url())));
            Path journal = dir.resolve("journal");
            String url = RunnerFixture.env(target).get("HYPERCARE_TARGET");

            Runner first = Runner.start(config, journal, url);
            ProbeRunnerTest.await("both incidents alerted", Duration.ofSeconds(30), () -> receiver.ids().size() >= 2);
            Thread.sleep(500); // results keep being written: the kill lands mid-stream
            first.process.destroyForcibly(); // SIGKILL
            first.process.waitFor();
            List<String> before = receiver.ids();
            assertThat(before).hasSize(2).allSatisfy(id -> assertThat(id).endsWith("/opened"));

            Runner second = Runner.start(config, journal, url);
            ProbeRunnerTest.await("the restart restored the journal", Duration.ofSeconds(30), () -> second.saw("restored"));
            Thread.sleep(1_000); // still down after the restart: nothing new to say
            assertThat(receiver.ids()).isEqualTo(before);
            target.updateFaults(f -> f.withOutage(Outage.NONE));
            ProbeRunnerTest.await("both resolves delivered", Duration.ofSeconds(30), () -> receiver.ids().size() >= 4);
            second.process.destroy(); // SIGTERM: a clean stop
            assertThat(second.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            Map<String, Integer> counts = receiver.counts();
            assertThat(counts.values()).as("each alert delivered once: " + counts).containsOnly(1);
            List<String> incidentsOpened = before.stream().map(id -> id.substring(0, id.indexOf('/'))).toList();
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(
                    Stream.concat(before.stream(), incidentsOpened.stream().map(id -> id + "/resolved")).toList());

            try (Journal read = Journal.open(journal, JournalOptions.defaults(), Clock.systemUTC())) {
                assertThat(read.recovery().problems()).allSatisfy(p -> assertThat(p).isInstanceOf(JournalProblem.TornTail.class));
                List<JournalEntry> all;
                try (Stream<JournalEntry> entries = read.readAll()) {
                    all = entries.toList();
                }
                List<Long> sequences = all.stream().map(JournalEntry::sequence).toList();
                assertThat(sequences).as("no gap, no repeat").isEqualTo(java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList());
                assertThat(all).filteredOn(e -> e.kind().equals(ResultCodec.KIND))
                        .allSatisfy(e -> assertThat(ResultCodec.decode(e.payload()).probe()).isIn("live", "ready"));
                List<Incident> last = new ArrayList<>(all.stream().filter(e -> e.kind().equals(IncidentCodec.INCIDENT))
                        .map(e -> IncidentCodec.decodeIncident(e.payload()))
                        .collect(java.util.stream.Collectors.toMap(Incident::id, i -> i, (a, b) -> b, java.util.LinkedHashMap::new)).values());
                assertThat(last).extracting(Incident::id).containsExactlyInAnyOrderElementsOf(incidentsOpened);
                assertThat(last).allSatisfy(i -> assertThat(i.isOpen()).isFalse());
            }
            System.out.println("kill -9 runner: alerts " + counts + "; first run said:\n" + first.output() + "second run said:\n" + second.output());
        }
    }

    /** A runner in its own JVM, its output collected line by line. */
    private record Runner(Process process, List<String> lines) {
        static Runner start(Path config, Path journal, String target) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.hypercare.cli.HypercareCli",
                    "probe", "--config", config.toString(), "--journal", journal.toString(), "--listen", "127.0.0.1:0",
                    "--target", target, "--duration", "2m")
                    .redirectErrorStream(true).start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
            return new Runner(p, lines);
        }

        boolean saw(String text) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains(text));
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines) + "\n";
            }
        }
    }
}
