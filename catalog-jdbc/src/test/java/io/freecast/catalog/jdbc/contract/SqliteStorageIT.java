package io.freecast.catalog.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The storage contract on a real SQLite file. */
class SqliteStorageIT extends JdbcStorageContract {

    @Override
    protected TestDatabase newDatabase(Path dir) {
        return TestDatabases.sqlite(dir);
    }

    @Override
    protected boolean runLogRefusesWritesInsideATransaction() {
        return true;
    }

    @Test
    void theRunLogRefusesAWriteInsideATransactionSayingWhy() {
        // SQLite has one writer, held by this very transaction: refused at once rather than waiting forever.
        assertThatThrownBy(() -> store.ports().transactions().inTransaction(() ->
                store.ports().taskRuns().recordStart(TaskName.IMPORT_SHOWS, "node", T0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be written inside a transaction on SQLite");
        assertThat(store.ports().taskRuns().findLatest(TaskName.IMPORT_SHOWS)).isEmpty();
    }
}
