package io.freecast.catalog.jdbc.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.CatalogCounts;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On the real PostgreSQL at {@code CATALOG_TEST_POSTGRES_URL} (skipped with a message without it), which keeps
 * the dashboard's counts as rows of changes (migration V13): besides the contract, neither the counts nor
 * another writer wait for a transaction's open writes, an import records a change per batch statement, many
 * changes are folded into one row per kind, and a catalog migrated to V13 starts with its counts.
 */
class PostgresCatalogCountsIT extends CatalogCountsContract {

    @Override
    protected TestDatabase newDatabase(Path dir) {
        return TestDatabases.postgres();
    }

    @Test
    void countsAreAnsweredWhileAnotherTransactionWritesAndIncludeItOnceCommitted() throws Exception {
        importCatalog(1, 2);
        CatalogCounts committed = store.overview().counts();
        try (Connection writer = db.connect(); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            statement.executeUpdate("UPDATE source SET is_active = false WHERE id % 2 = 0");
            statement.executeUpdate("DELETE FROM season WHERE id % 3 = 0");
            // The writer holds its changes' rows; the dashboard reads and folds beside it, without waiting.
            for (int i = 0; i < 80; i++) {
                statement.executeUpdate("INSERT INTO episode (season_id, number, title)"
                        + " SELECT min(id), 1000 + " + i + ", 'extra' FROM season");
            }
            CatalogCounts during = CompletableFuture.supplyAsync(() -> store.overview().counts())
                    .get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(during).isEqualTo(committed);
            writer.commit();
        }
        assertCountsAreTheTables();
    }

    @Test
    void aLinkCheckIsNotHeldBehindAnotherTransactionsOpenWrites() throws Exception {
        importCatalog(1, 1);
        List<Source> sources = store.ports().sources().listAfter(0, 10);
        try (Connection importing = db.connect(); Statement statement = importing.createStatement()) {
            importing.setAutoCommit(false);
            // What an import's long transaction does: adds sources, removes some, switches one off.
            statement.executeUpdate("INSERT INTO source (movie_id, url, source_type) SELECT id, 'https://new.example/' || id,"
                    + " 'direct' FROM movie");
            statement.executeUpdate("UPDATE source SET is_active = false WHERE id = " + sources.get(0).id());
            // A link check on other sources commits beside it, well within the 4 s statement limit.
            CompletableFuture.runAsync(() -> store.ports().sources().saveChecks(List.of(new SourceCheck(
                            sources.get(1).id(), false, new LinkState(Instant.parse("2026-12-01T00:00:00Z"), 404, 1, "404")))))
                    .get(30, TimeUnit.SECONDS);
            assertThat(store.overview().counts().inactiveSources()).isEqualTo(1);
            importing.commit();
        }
        assertThat(store.overview().counts().inactiveSources()).isEqualTo(2);
        assertCountsAreTheTables();
    }

    @Test
    void anImportRecordsOneChangePerBatchStatementNotOnePerRow() throws SQLException {
        importCatalog(2, 2);

        // 2,200 movie sources and 2,080 episode sources went in as multi-row statements (reWriteBatchedInserts).
        assertThat(longValue("SELECT count(*) FROM source")).isEqualTo(4_280);
        assertThat(longValue("SELECT count(*) FROM catalog_count_change WHERE kind = 'source'")).isBetween(2L, 200L);
        assertCountsAreTheTables();
    }

    @Test
    void anImportFoldsItsChangeRowsOnceItHasCommitted() throws SQLException {
        List<String> upkeep = new java.util.ArrayList<>();
        store.ports().transactions().inBulkTransaction(() -> {
            importCatalog(2, 2);
            return null;
        }, upkeep::add);

        assertThat(longValue("SELECT count(*) FROM catalog_count_change")).as("one row per kind at most").isBetween(1L, 4L);
        assertThat(upkeep).noneMatch(note -> note.contains("not folded"));
        assertCountsAreTheTables();
    }

    @Test
    void anImportThatFailsChangesNoCountAndItsOwnErrorIsWhatIsReported() throws SQLException {
        importCatalog(1, 1);
        CatalogCounts before = store.overview().counts();
        long titlesBefore = longValue("SELECT total FROM title_count WHERE kind = 'movie'");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.url LIKE '%boom%' THEN RAISE EXCEPTION 'boom: refused by the test'; END IF;"
                    + " RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER tr_refuse_boom BEFORE INSERT ON source FOR EACH ROW"
                    + " EXECUTE FUNCTION refuse_boom()");
        }

        // New titles (counted by the import itself) and then a source the database refuses, in one upsert.
        assertThatThrownBy(() -> store.ports().movies().upsertAll(List.of(Drafts.movie("new-1", "New one"),
                Drafts.movie("new-2", "New two", 7.0, null, List.of(SourceDraft.of("https://x.example/boom", "P"))))))
                .hasStackTraceContaining("boom: refused by the test")
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("transaction is aborted"));

        assertThat(store.overview().counts()).isEqualTo(before);
        assertThat(longValue("SELECT total FROM title_count WHERE kind = 'movie'")).isEqualTo(titlesBefore);
        assertCountsAreTheTables();
    }

    @Test
    void manyChangesAreFoldedIntoOneRowPerKind() throws SQLException {
        importCatalog(1, 1);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < 100; i++) {
                statement.executeUpdate("UPDATE source SET is_active = NOT is_active WHERE id = (SELECT min(id) FROM source)");
            }
        }
        assertThat(longValue("SELECT count(*) FROM catalog_count_change")).isGreaterThan(100);

        assertCountsAreTheTables();
        assertThat(longValue("SELECT count(*) FROM catalog_count_change")).isEqualTo(4);
        assertCountsAreTheTables();
    }

    @Test
    void aCatalogWrittenBeforeKeptCountsStartsWithItsCountsOnceMigrated() throws SQLException {
        importCatalog(2, 2);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE source SET is_active = false WHERE id % 3 = 0");
            // Back to the schema before V13: its table, functions and triggers gone, and V14's and V15's indexes
            // (and V15's function, and with its indexes V16's settings of them) after it.
            statement.execute("DROP INDEX ix_source_inactive_movie, ix_source_inactive_episode");
            statement.execute("DROP TABLE catalog_count_change");
            statement.execute("DROP FUNCTION catalog_rows_counted, catalog_sources_counted, catalog_sources_switched"
                    + " CASCADE");
            statement.execute("DROP FUNCTION title_short_texts CASCADE");
            statement.executeUpdate("DELETE FROM flyway_schema_history WHERE version IN ('13', '14', '15', '16')");
        }

        store = db.open(); // migrates to V13 again, on a catalog with rows

        assertThat(store.overview().counts().inactiveSources()).isPositive();
        assertCountsAreTheTables();
    }
}
