package dev.hypercare.cli;

/** Process exit codes, named in one place and shared by every command: CI pipelines gate on these. */
public final class ExitCode {
    public static final int GO = 0;
    public static final int NO_GO = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCONCLUSIVE = 3;
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {}
}
