package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.TaskReport;
import java.util.function.Supplier;

/**
 * A task command's run ({@code import-movies}, …) under a shutdown hook: SIGTERM or Ctrl-C stops the run —
 * an import rolls its transaction back — and records it as {@code interrupted} before the process exits,
 * instead of leaving it {@code running} in the run log until its lease expires and a later run closes it
 * as abandoned.
 */
final class StopOnSignal {

    private StopOnSignal() {
    }

    static TaskReport run(Catalog catalog, String command, Supplier<TaskReport> run) {
        Thread hook = new Thread(() -> {
            try {
                catalog.tasks().stopRuns("stopped: the " + command + " command was interrupted (SIGTERM or Ctrl-C)",
                        ServeCommand.STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "catalog-stop-" + command);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already: it is what stopped this run
            }
        }
    }
}
