package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Transactions on a {@link ThreadBoundTransactionProvider}: while {@code work} runs,
 * every statement this thread makes through the shared {@link DSLContext} uses the transaction's
 * connection, so repository writes join it without passing anything around. A call inside another
 * joins the outer transaction (no savepoint): the work commits or rolls back as a whole.
 *
 * <p>A bulk transaction (an import) waits for the server's answers as long as long work may
 * ({@link AnswerTimeouts#forLongWorkInTransaction}), and also has the planner statistics of the tables it changed
 * much refreshed once it has committed ({@link PlannerStatistics}), and the pending entries of their GIN indexes
 * merged ({@link GinPendingEntries}), on a connection of {@code own}, which never joins a transaction.
 *
 * <p>An upsert of titles counts what it adds and renames here ({@link #countingTitles}), and the transaction's
 * last statements act on it ({@link TitleWrites}): {@code title_count} on PostgreSQL, the search index on SQLite.
 */
final class JooqTransactions implements Transactions {

    private final DSLContext dsl;
    private final ThreadBoundTransactionProvider threadBound;
    private final DSLContext own;
    private final WriteGate gate;
    private final PlannerStatistics statistics;
    private final AnswerTimeouts answers;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** What this thread's open transaction's upserts did to each list's titles. */
    private final ThreadLocal<TitleWrites> titleWrites = ThreadLocal.withInitial(TitleWrites::new);
    /** The list whose titles this thread's open transaction counts itself, while an upsert writes them. */
    private final ThreadLocal<CountedList> countingTitlesOf = new ThreadLocal<>();
    private final DatabaseKind database;

    /** @param threadBound the provider of {@code dsl}'s transactions */
    JooqTransactions(DSLContext dsl, ThreadBoundTransactionProvider threadBound, DSLContext own, WriteGate gate,
                     PlannerStatistics statistics, AnswerTimeouts answers) {
        this.dsl = dsl;
        this.threadBound = threadBound;
        this.database = DatabaseKind.of(dsl);
        this.own = own;
        this.gate = gate;
        this.statistics = statistics;
        this.answers = answers;
    }

    @Override
    public <T> T inBulkTransaction(Supplier<T> work, Consumer<String> upkeep) {
        if (active.get()) {
            // Joined: the outer transaction commits, later, and what it wrote is not this call's to judge.
            return work.get();
        }
        List<PlannerStatistics.TableWrites> written = new ArrayList<>();
        T result = inTransaction(WriteGate.Writer.BULK, () -> {
            // An import's statements on a large catalog may take longer than a request's may wait (AnswerTimeouts).
            dsl.connection(answers::forLongWorkInTransaction);
            PlannerStatistics.Baseline baseline = statistics.beforeBulkWrite(dsl);
            T value = work.get();
            // Last thing before the commit: afterwards the server's counts are no longer this transaction's.
            written.addAll(statistics.writtenInThisTransaction(dsl, baseline));
            return value;
        });
        // Committed; outside the transaction and the write gate.
        if (written.stream().anyMatch(table -> table.table().equals(CatalogCountChanges.TABLE))) {
            String failure = CatalogCountChanges.fold(own);
            if (failure != null) {
                upkeep.accept("the catalog counts' change rows were not folded after this import (the import is "
                        + "kept; the dashboard folds them when it is read): " + failure);
            }
        }
        String notMerged = GinPendingEntries.merge(own, answers, written);
        if (notMerged != null) {
            upkeep.accept("the title search indexes' pending entries were not merged after this import (the import "
                    + "is kept; until autovacuum's VACUUM merges them, every search reads them): " + notMerged);
        }
        statistics.refresh(own, written, upkeep);
        return result;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(WriteGate.Writer.QUEUED, work);
    }

    /** On SQLite, refused after the gate's short wait rather than queued behind an import ({@link WriteGate}). */
    @Override
    public <T> T inInteractiveTransaction(Supplier<T> work) {
        return inTransaction(WriteGate.Writer.INTERACTIVE, work);
    }

    private <T> T inTransaction(WriteGate.Writer writer, Supplier<T> work) {
        if (active.get()) {
            return work.get();
        }
        return gate.write(writer, () -> {
            active.set(Boolean.TRUE);
            try {
                // Someone waits on it: it waits for another program's write no longer than for this process's.
                return writer == WriteGate.Writer.INTERACTIVE
                        ? threadBound.beginningWithin(gate.interactiveWait(), () -> transaction(work))
                        : transaction(work);
            } finally {
                active.set(Boolean.FALSE);
                titleWrites.remove();
            }
        });
    }

    private <T> T transaction(Supplier<T> work) {
        // jOOQ rolls back on any exception and rethrows a RuntimeException unchanged. The work uses the shared
        // context, whose connections are this thread's transaction's while it is open.
        return dsl.transactionResult(configuration -> {
            T result = work.get();
            // Last, in the same transaction: title_count on PostgreSQL, the search index on SQLite.
            titleWrites.get().beforeCommit(dsl, database);
            return result;
        });
    }

    /**
     * Runs an upsert's writes of the list {@code kind} ({@code movie}, {@code show}) in this thread's open
     * transaction with the list's titles counted by the upsert itself ({@link #titlesAdded}, {@link #titleRenamed})
     * and written to {@code title_count} as the transaction's last statement ({@link TitleWrites}). On PostgreSQL
     * the count triggers skip the list's statements from the first title counted here to the end of
     * {@code work}; on SQLite they count them as ever (one writer: nobody waits for its lock).
     */
    <T> T countingTitles(String kind, Supplier<T> work) {
        if (!active.get()) {
            throw new IllegalStateException("titles are counted for a transaction; none is open");
        }
        if (database == DatabaseKind.SQLITE) {
            return work.get();
        }
        CountedList list = new CountedList(kind);
        countingTitlesOf.set(list);
        T result;
        try {
            result = work.get();
        } finally {
            countingTitlesOf.remove();
        }
        // Not after a failure: the transaction rolls back (the setting with it), and on PostgreSQL a statement
        // in a failed transaction would only hide the failure.
        if (list.triggersSkipped) {
            skipCountTriggers("");
        }
        return result;
    }

    /** The list {@link #countingTitles} counts, and whether its count triggers were told to skip yet. */
    private static final class CountedList {
        final String kind;
        boolean triggersSkipped;

        CountedList(String kind) {
            this.kind = kind;
        }
    }

    /** Sets or clears the transaction-local setting the count triggers skip a list's statements by (V11, V13). */
    private void skipCountTriggers(String kind) {
        String sql = "SELECT set_config('catalog.import_counts_titles', ?, true)";
        StatementListener.report(dsl.configuration(), sql);
        dsl.connection(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, kind);
                statement.execute();
            }
        });
    }

    /**
     * {@code titles} new titles of the list {@code kind} are about to be inserted in this thread's open
     * transaction (before the insert: on PostgreSQL the triggers must skip it).
     */
    void titlesAdded(String kind, long titles) {
        counting(kind);
        titleWrites.get().added(kind, titles);
    }

    /**
     * A title of the list {@code kind} is about to be renamed (its {@code title_search} changed) in the open
     * transaction.
     */
    void titleRenamed(String kind) {
        counting(kind);
        titleWrites.get().renamed(kind);
    }

    /**
     * Checks that {@link #countingTitles} counts the list (a write outside it would be counted twice, by the
     * triggers and here), and on PostgreSQL has the triggers skip its statements from now on.
     */
    private void counting(String kind) {
        if (!active.get()) {
            throw new IllegalStateException("titles of " + kind + " are written outside a transaction");
        }
        if (database == DatabaseKind.SQLITE) {
            return;
        }
        CountedList list = countingTitlesOf.get();
        if (list == null || !list.kind.equals(kind)) {
            throw new IllegalStateException("titles of " + kind + " are written outside countingTitles");
        }
        if (!list.triggersSkipped) {
            skipCountTriggers(kind);
            list.triggersSkipped = true;
        }
    }
}
