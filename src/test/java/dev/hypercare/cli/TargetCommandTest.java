package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import dev.hypercare.target.Outage;
import dev.hypercare.target.TargetConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TargetCommandTest {

    @Test
    void runsForTheGivenDurationPrintingUrlsTokenAndFaultsThenExitsZero() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TargetCommand());
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("--for", "4s", "--error-rate", "0", "--latency", "5ms"));

        URI http = awaitUrl(out, Pattern.compile("hypercare target: (http://127\\.0\\.0\\.1:\\d+)"));
        HttpResponse<String> live = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(http.resolve("/api/health/live")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCode.GO);
        assertThat(out.toString())
                .containsPattern("  websocket: ws://127\\.0\\.0\\.1:\\d+/ws")
                .containsPattern("  admin:     http://127\\.0\\.0\\.1:\\d+/admin  token [0-9a-f]{32}  \\(Authorization: Bearer <token>\\)")
                .contains("  faults:    latency 5ms")
                .contains("running for 4s");
    }

    @Test
    void flagsBecomeTheTargetConfig() {
        TargetCommand command = parse("--port", "8080", "--ws-port", "8081", "--admin-port", "8082",
                "--latency", "uniform(100ms,300ms)", "--error-rate", "0.1", "--auth-failure-rate", "0.2",
                "--outage", "unhealthy", "--broadcast-interval", "250ms", "--bind", "localhost");
        TargetConfig config = command.config();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.webSocketPort()).isEqualTo(8081);
        assertThat(config.adminPort()).isEqualTo(8082);
        assertThat(config.bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.faults().latency().text()).isEqualTo("uniform(100ms,300ms)");
        assertThat(config.faults().errorRate()).isEqualTo(0.1);
        assertThat(config.faults().authFailureRate()).isEqualTo(0.2);
        assertThat(config.faults().outage()).isEqualTo(Outage.UNHEALTHY);
        assertThat(config.broadcastInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badFlagValuesAreBadInputNamingTheFlag() {
        assertBadInput("--latency: expected 700ms, uniform(100ms,300ms), normal(200ms,50ms) or exponential(150ms),"
                + " found 'fast'", "--latency", "fast");
        assertBadInput("--error-rate: expected a number from 0 to 1, found 'half'", "--error-rate", "half");
        assertBadInput("--auth-failure-rate: expected a number from 0 to 1, found '2.0'", "--auth-failure-rate", "2");
        assertBadInput("--outage: expected none, unhealthy or down, found 'sometimes'", "--outage", "sometimes");
        assertBadInput("--broadcast-interval: expected a duration like 500ms, 30s, 5m or 1h, found 'often'",
                "--broadcast-interval", "often");
        assertBadInput("--port: expected a port from 0 (any free port) to 65535, found '70000'", "--port", "70000");
    }

    @Test
    void forDurationMustBePositive() {
        TargetCommand command = parse("--for", "0ms");
        assertThatThrownBy(command::call)
                .isInstanceOf(BadInputException.class)
                .hasMessage("--for: expected a duration of 1ms or more, found '0ms'");
    }

    @Test
    void nonLoopbackBindIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> parse("--bind", "192.0.2.10").config())
                .isInstanceOf(BadInputException.class)
                .hasMessage("--bind: expected a loopback address such as 127.0.0.1 (or add --allow-non-loopback"
                        + " to expose the target to the network), found '192.0.2.10'");
        assertThat(parse("--bind", "192.0.2.10", "--allow-non-loopback").config().bindHost()).isEqualTo("192.0.2.10");
    }

    @Test
    void badInputExitsTwoThroughTheMainCommandLine() {
        StringWriter err = new StringWriter();
        CommandLine cli = HypercareCli.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("target", "--latency", "fast")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).startsWith("hypercare: --latency: expected 700ms");
    }

    private static TargetCommand parse(String... args) {
        TargetCommand command = new TargetCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static void assertBadInput(String message, String... args) {
        assertThatThrownBy(() -> parse(args).config()).isInstanceOf(BadInputException.class).hasMessage(message);
    }

    private static URI awaitUrl(StringWriter out, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(out.toString());
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no URL printed within 10 s: " + out);
    }
}
