package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line in this JVM, as the launcher would, capturing what it tells the user on stderr. */
final class CliRun {
    private CliRun() {}

    /** Asserts the exit code and returns stderr. */
    static String expectingFailure(int expectedExit, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = HypercareCli.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute(args)).isEqualTo(expectedExit);
        return err.toString();
    }
}
