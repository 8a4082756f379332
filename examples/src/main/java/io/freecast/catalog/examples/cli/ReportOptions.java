package io.freecast.catalog.examples.cli;

import io.freecast.catalog.domain.TaskReport;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --json}, and how a task command ends: the report on stdout (a summary, or JSON for scripts; the
 * same {@link ReportPrinter} format as every task command), a failed run's reason as one line on stderr,
 * and the exit code (0 succeeded, 1 failed).
 */
public final class ReportOptions {

    @Option(names = "--json", description = "Print the task report as JSON on stdout.")
    boolean json;

    /** Prints the report and answers the exit code. */
    public int finish(TaskReport report, PrintWriter out, PrintWriter err) {
        ReportPrinter.print(report, json, out, err);
        return report.succeeded() ? ExitCode.OK : ExitCode.FAILED;
    }
}
