package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.port.out.Transactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * much refreshed once it has committed ({@link PlannerStatistics}), on a connection of {@code own}, which never
 * joins a transaction.
 */
final class JooqTransactions implements Transactions {

    private final DSLContext dsl;
    private final DSLContext own;
    private final WriteGate gate;
    private final PlannerStatistics statistics;
    private final AnswerTimeouts answers;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** How many titles this thread's open transaction inserted in bulk, per list ({@link NewTitles}). */
    private final ThreadLocal<Map<String, Long>> titlesInBulk = ThreadLocal.withInitial(HashMap::new);

    JooqTransactions(DSLContext dsl, DSLContext own, WriteGate gate, PlannerStatistics statistics,
                     AnswerTimeouts answers) {
        this.dsl = dsl;
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
        T result = inTransaction(() -> {
            // An import's statements on a large catalog may take longer than a request's may wait (AnswerTimeouts).
            dsl.connection(answers::forLongWorkInTransaction);
            PlannerStatistics.Baseline baseline = statistics.beforeBulkWrite(dsl);
            T value = work.get();
            // Last thing before the commit: afterwards the server's counts are no longer this transaction's.
            written.addAll(statistics.writtenInThisTransaction(dsl, baseline));
            return value;
        });
        // Committed; outside the transaction and the write gate.
        statistics.refresh(own, written, upkeep);
        return result;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (active.get()) {
            return work.get();
        }
        return gate.write(() -> {
            active.set(Boolean.TRUE);
            try {
                // jOOQ rolls back on any exception and rethrows a RuntimeException unchanged. The work uses
                // the shared context, whose connections are this thread's transaction's while it is open.
                return dsl.transactionResult(configuration -> {
                    T result = work.get();
                    // Last, in the same transaction: an import's new titles may leave the search index in many
                    // pieces, which every search then reads (NewTitles.tidyIndex).
                    titlesInBulk.get().forEach((kind, titles) -> NewTitles.tidyIndex(dsl, kind, titles));
                    return result;
                });
            } finally {
                active.set(Boolean.FALSE);
                titlesInBulk.remove();
            }
        });
    }

    /** {@code titles} new titles of the list {@code kind} were inserted in bulk in this thread's open transaction. */
    void titlesAddedInBulk(String kind, long titles) {
        if (active.get()) {
            titlesInBulk.get().merge(kind, titles, Long::sum);
        }
    }
}
