package dev.hypercare.cli;

import dev.hypercare.BadInputException;
import dev.hypercare.probe.FreshConnections;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: wires the subcommands and maps failures to exit codes and one-line messages. */
@Command(
        name = "hypercare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Launch load tests, hypercare probes and one SLO policy: go, no-go or roll back.",
        subcommands = {LoadCommand.class, GateCommand.class, ProbeCommand.class, ReportCommand.class, TargetCommand.class})
public final class HypercareCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (load, gate, probe, report, target)");
    }

    public static void main(String[] args) {
        FreshConnections.allowConnectionClose(); // before anything touches the JDK's HTTP client
        System.exit(execute(args));
    }

    /** Runs a command line in this JVM and returns its exit code; tests call this too. */
    public static int execute(String... args) {
        CommandLine cli = newCommandLine();
        return cli.execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new HypercareCli());
        cli.setExitCodeExceptionMapper(HypercareCli::exitCodeOf);
        cli.setParameterExceptionHandler(HypercareCli::onBadUsage);
        cli.setExecutionExceptionHandler(HypercareCli::onFailure);
        return cli;
    }

    private static int exitCodeOf(Throwable error) {
        return error instanceof BadInputException ? ExitCode.BAD_INPUT : ExitCode.INTERNAL_ERROR;
    }

    private static int onBadUsage(CommandLine.ParameterException error, String[] args) {
        PrintWriter err = error.getCommandLine().getErr();
        err.println("hypercare: " + error.getMessage());
        err.println("Try 'hypercare " + commandPath(error.getCommandLine()) + "--help' for usage.");
        return ExitCode.BAD_INPUT;
    }

    private static int onFailure(Exception error, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (error instanceof BadInputException) {
            err.println("hypercare: " + error.getMessage());
            return ExitCode.BAD_INPUT;
        }
        // Never a stack trace as the message; the trace goes below it for the bug report.
        err.println("hypercare: internal error: " + error);
        if (Boolean.getBoolean("hypercare.debug") || System.getenv("HYPERCARE_DEBUG") != null) {
            error.printStackTrace(err);
        } else {
            err.println("(set HYPERCARE_DEBUG=1 for the stack trace)");
        }
        return ExitCode.INTERNAL_ERROR;
    }

    private static String commandPath(CommandLine cli) {
        String path = cli.getCommandSpec().qualifiedName(" ");
        return path.equals("hypercare") ? "" : path.substring("hypercare ".length()) + " ";
    }
}
