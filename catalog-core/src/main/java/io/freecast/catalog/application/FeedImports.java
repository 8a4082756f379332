package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedUnreadableException;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What both imports do around reading: one transaction, and a failed report for an unreadable feed. */
final class FeedImports {

    /** Reads a feed into a sink; the FeedReader call with its location bound. */
    @FunctionalInterface
    interface Reading<D> {
        void into(Consumer<FeedItem<D>> sink);
    }

    private FeedImports() {
    }

    /**
     * Reads the whole feed into {@code run} and writes its last batch, all inside one transaction. An
     * unreadable feed rolls the transaction back and gives a failed report with the reader's one-line
     * reason; any other exception (storage failing) also rolls back and is left to the task recorder.
     */
    static <D> TaskReport run(TaskName task, Clock clock, Transactions transactions, FeedImport<D> run,
                              Reading<D> reading) {
        Instant startedAt = clock.instant();
        try {
            transactions.inTransaction(() -> {
                reading.into(run);
                run.finish();
                return null;
            });
        } catch (FeedUnreadableException e) {
            return new TaskReport(task, startedAt, clock.instant(), TaskStatus.FAILED, Map.of("read", run.read()),
                    List.of(), List.of("nothing was imported: the catalog is as it was before this run"),
                    TaskRecorder.oneLine(e));
        }
        return run.report(task, startedAt, clock.instant());
    }
}
