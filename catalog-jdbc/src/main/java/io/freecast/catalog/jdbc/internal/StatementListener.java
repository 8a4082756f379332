package io.freecast.catalog.jdbc.internal;

import java.util.function.Consumer;
import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;

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

    /**
     * Reports a statement run outside jOOQ (plain JDBC on jOOQ's connection, see {@link JdbcInsert}) to the
     * statement listeners of {@code configuration}, so counts stay honest whichever path ran it.
     */
    static void report(Configuration configuration, String sql) {
        for (ExecuteListenerProvider provider : configuration.executeListenerProviders()) {
            if (provider.provide() instanceof StatementListener statements) {
                statements.listener.accept(sql);
            }
        }
    }
}
