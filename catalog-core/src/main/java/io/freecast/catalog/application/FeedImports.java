package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedUnreadableException;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
     * reason; a run asked to stop (a shutdown) rolls back and gives an interrupted report, whatever the
     * stop broke on its way (a read or a database round trip woken by the interrupt); any other exception
     * (storage failing) also rolls back and is left to the task recorder.
     *
     * <p>The transaction is a bulk one ({@link Transactions#inBulkTransaction}): a feed may rewrite most of the
     * catalog, and what the storage did about that after the commit (in its own terms) ends the report's notes.
     */
    static <D> TaskReport run(TaskName task, Clock clock, Transactions transactions, FeedImport<D> run,
                              Reading<D> reading) {
        Instant startedAt = clock.instant();
        List<String> upkeep = new ArrayList<>();
        try {
            transactions.inBulkTransaction(() -> {
                reading.into(run);
                run.finish();
                return null;
            }, upkeep::add);
        } catch (RuntimeException e) {
            String stopReason = RunUnderWay.stopReasonHere();
            if (stopReason != null) {
                List<String> notes = new ArrayList<>();
                notes.add("nothing was imported: the import's transaction was rolled back, the catalog is as it "
                        + "was before this run");
                if (!(e instanceof RunStoppedException)) {
                    notes.add("it ended with: " + TaskRecorder.oneLine(e));
                }
                return TaskReport.interrupted(task, startedAt, clock.instant(), Map.of("read", run.read()), notes,
                        stopReason);
            }
            if (!(e instanceof FeedUnreadableException)) {
                throw e;
            }
            return new TaskReport(task, startedAt, clock.instant(), TaskStatus.FAILED, Map.of("read", run.read()),
                    List.of(), List.of("nothing was imported: the catalog is as it was before this run"),
                    TaskRecorder.oneLine(e));
        }
        return run.report(task, startedAt, clock.instant(), upkeep);
    }
}
