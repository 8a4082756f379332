package io.freecast.catalog.examples.cli;

/** The launcher's exit codes (README, "The command line"), the same for every command. */
public final class ExitCode {

    /** The run succeeded; rejected items are reported, not fatal. */
    public static final int OK = 0;
    /** The run failed: the task's report says why. */
    public static final int FAILED = 1;
    /** A usage or configuration error, with a one-line reason on stderr; nothing was run. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
