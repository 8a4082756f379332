package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.port.out.Transactions;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Transactions on a {@link ThreadBoundTransactionProvider}: while {@code work} runs,
 * every statement this thread makes through the shared {@link DSLContext} uses the transaction's
 * connection, so repository writes join it without passing anything around. A call inside another
 * joins the outer transaction (no savepoint): the work commits or rolls back as a whole.
 */
final class JooqTransactions implements Transactions {

    private final DSLContext dsl;
    private final WriteGate gate;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> Boolean.FALSE);

    JooqTransactions(DSLContext dsl, WriteGate gate) {
        this.dsl = dsl;
        this.gate = gate;
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
                return dsl.transactionResult(configuration -> work.get());
            } finally {
                active.set(Boolean.FALSE);
            }
        });
    }
}
