package io.freecast.catalog.examples.cli;

import io.freecast.catalog.port.in.ImportProgress;
import io.freecast.catalog.port.in.TaskProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A running count of items read, drawn on stderr when stderr is a terminal and nothing otherwise: logs,
 * pipes and {@code --json} consumers never see it. The feed's length is unknown while streaming, so the
 * bar counts items and rate rather than a percentage. update-ratings and validate-sources use it too
 * (as a {@link TaskProgress}), for the titles asked and the sources checked.
 */
final class ImportProgressBar implements ImportProgress, TaskProgress, AutoCloseable {

    private final ProgressBar bar;
    private boolean closed;

    private ImportProgressBar(ProgressBar bar) {
        this.bar = bar;
    }

    static ImportProgressBar start(String task) {
        if (!onTerminal()) {
            return new ImportProgressBar(null);
        }
        return new ImportProgressBar(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" items", 1)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build());
    }

    @Override
    public void itemsRead(long itemsRead) {
        if (bar != null) {
            bar.stepTo(itemsRead);
        }
    }

    @Override
    public void itemsDone(long itemsDone) {
        itemsRead(itemsDone);
    }

    @Override
    public void close() {
        if (bar != null && !closed) {
            closed = true;
            bar.close();
        }
    }

    /**
     * {@code System.console()} is null when not attached to a terminal; since JDK 22 it may be non-null
     * anyway, and {@code Console.isTerminal()} (called reflectively: this builds for Java 21) tells.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
