package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HypercareCliTest {

    @Test
    void versionNamesHypercareGatlingAndJava() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(HypercareCli.execute("--version")).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("hypercare 0.1.0-SNAPSHOT")
                .contains("gatling 3.16.0")
                .contains("java " + Runtime.version().feature());
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertThat(HypercareCli.execute("--no-such-flag")).isEqualTo(ExitCode.BAD_INPUT);
    }
}
