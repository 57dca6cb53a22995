package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.Outage;
import dev.hypercare.target.TargetConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hypercare probe} from the command line: --once exit codes, the embedded target, bad flags. */
class ProbeCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HypercareCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void onceAgainstTheEmbeddedTargetSucceedsWithTheShippedConfig() {
        Run run = run("probe", "--once");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("embedded demo target", "demo live", "demo ready", "demo health", "demo websocket heartbeat",
                "4 of 4 probes succeeded");
    }

    @Test
    void onceExitsOneAndSaysWhyWhenATargetIsSick() throws Exception {
        try (DemoTarget target = DemoTarget.start(TargetConfig.defaults())) {
            target.updateFaults(f -> f.withOutage(Outage.UNHEALTHY));
            Run run = run("probe", "--once", "--target", target.httpUrl().toString(), "--websocket-url", target.webSocketUrl().resolve("/").toString());
            assertThat(run.exit()).isEqualTo(ExitCode.NO_GO);
            assertThat(run.out()).doesNotContain("embedded demo target")
                    .containsPattern("FAIL +demo live +503 .* status: \\[STATUS\\] \\(503\\) == 200")
                    .contains("of 4 probes succeeded");
        }
    }

    @Test
    void aDurationRunJournalsAndExitsWithTheState() throws Exception {
        Path journal = dir.resolve("journal");
        Path config = dir.resolve("probes.yaml");
        Files.writeString(config, """
                service: quick
                probes:
                  - name: live
                    kind: http
                    url: ${HYPERCARE_TARGET}/api/health/live
                    interval: 300ms
                    timeout: 250ms
                """);
        Run run = run("probe", "--config", config.toString(), "--duration", "3s", "--journal", journal.toString(), "--listen", "127.0.0.1:0");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("embedded demo target", "1 probe of service quick", "status http://127.0.0.1:");
        try (var files = Files.list(journal)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("journal-") && n.endsWith(".log"));
        }
    }

    @Test
    void aTakenListenPortIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String err = CliRun.expectingFailure(ExitCode.BAD_INPUT, "probe", "--duration", "1s", "--journal", dir.resolve("j").toString(),
                    "--listen", "127.0.0.1:" + taken.getLocalPort());
            assertThat(err.strip()).startsWith("hypercare: --listen: expected a free address and port, found cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\tat ");
        }
    }

    @Test
    void badFlagsAreOneLine() {
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "probe", "--once", "--listen", "nonsense").strip())
                .isEqualTo("hypercare: --listen: expected HOST:PORT like 127.0.0.1:9464 (port 0 = any free port), found 'nonsense'");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "probe", "--once", "--config", dir.resolve("none.yaml").toString()).strip())
                .isEqualTo("hypercare: " + dir.resolve("none.yaml") + ": expected a probes file, found no such file");
    }

    @Test
    void aJournalInUseIsOneLine() throws Exception {
        Path journal = dir.resolve("journal");
        try (var held = dev.hypercare.journal.Journal.open(journal, dev.hypercare.journal.JournalOptions.defaults(), java.time.Clock.systemUTC())) {
            String err = CliRun.expectingFailure(ExitCode.BAD_INPUT, "probe", "--duration", "1s", "--journal", journal.toString(), "--listen", "127.0.0.1:0");
            assertThat(err.strip()).isEqualTo("hypercare: journal " + journal + " is in use by another process");
        }
    }
}
