package io.freecast.catalog.jdbc.internal;

import java.util.function.Consumer;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Passes the SQL of each statement jOOQ runs to a listener; a JDBC batch counts once. */
public final class StatementListener implements ExecuteListener {

    private final transient Consumer<String> listener;

    public StatementListener(Consumer<String> listener) {
        this.listener = listener;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        String[] batch = ctx.batchSQL();
        listener.accept(ctx.sql() != null ? ctx.sql() : batch.length > 0 ? batch[0] : "");
    }
}
