package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Transactions bound to the thread, on a real SQLite file: a transaction whose rollback fails (the database
 * rolled back by itself, as SQLite does after a full disk, or the connection is gone) still ends, and the
 * thread's next transaction works.
 */
class ThreadBoundTransactionProviderIT {

    @TempDir
    Path dir;

    private SQLiteDataSource database() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("t.db"));
        return source;
    }

    /** Work that fails after the database already rolled back, so the provider's own rollback fails too. */
    private static void failWithRollbackFailing(DSLContext dsl) {
        assertThatThrownBy(() -> dsl.transactionResult(configuration -> {
            dsl.execute("insert into t values (1)");
            dsl.execute("rollback");
            throw new IllegalStateException("the work failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the work failed")
                .satisfies(e -> assertThat(e.getSuppressed()).as("the failed rollback").isNotEmpty());
    }

    @Test
    void aTransactionWhoseRollbackFailsStillEndsAndTheThreadsNextTransactionWorks() {
        ThreadBoundTransactionProvider transactions = new ThreadBoundTransactionProvider(database());
        DSLContext dsl = DSL.using(new DefaultConfiguration().set(SQLDialect.SQLITE)
                .set(transactions.connections()).set(transactions));
        dsl.execute("create table t (x int)");

        failWithRollbackFailing(dsl);

        assertThat(transactions.inTransaction()).isFalse();
        dsl.transactionResult(configuration -> dsl.execute("insert into t values (2)"));
        assertThat(dsl.fetchValue("select group_concat(x) from t")).isEqualTo("2");
    }

    /** Work after which the provider's commit fails and so does its rollback: the database ended it itself. */
    private static void failWithCommitAndRollbackFailing(DSLContext dsl) {
        assertThatThrownBy(() -> dsl.transactionResult(configuration -> {
            dsl.execute("insert into t values (1)");
            return dsl.execute("commit");
        })).satisfies(e -> assertThat(e.getSuppressed()).as("the failed rollback").isNotEmpty());
    }

    @Test
    void aTransactionWhoseCommitAndRollbackFailStillEndsAndTheThreadsNextTransactionWorks() {
        ThreadBoundTransactionProvider transactions = new ThreadBoundTransactionProvider(database());
        DSLContext dsl = DSL.using(new DefaultConfiguration().set(SQLDialect.SQLITE)
                .set(transactions.connections()).set(transactions));
        dsl.execute("create table t (x int)");

        failWithCommitAndRollbackFailing(dsl);

        assertThat(transactions.inTransaction()).isFalse();
        dsl.transactionResult(configuration -> dsl.execute("insert into t values (2)"));
        assertThat(dsl.fetchValue("select group_concat(x) from t")).isEqualTo("1,2");
    }

    @Test
    void aFailedWorkIsRolledBackAndACommittedOneKept() {
        ThreadBoundTransactionProvider transactions = new ThreadBoundTransactionProvider(database());
        DSLContext dsl = DSL.using(new DefaultConfiguration().set(SQLDialect.SQLITE)
                .set(transactions.connections()).set(transactions));
        dsl.execute("create table t (x int)");

        assertThatThrownBy(() -> dsl.transactionResult(configuration -> {
            dsl.execute("insert into t values (1)");
            throw new IllegalStateException("undo it");
        })).hasMessage("undo it");
        dsl.transactionResult(configuration -> dsl.execute("insert into t values (2)"));

        assertThat(dsl.fetchValue("select group_concat(x) from t")).isEqualTo("2");
        assertThat(transactions.inTransaction()).isFalse();
    }
}
