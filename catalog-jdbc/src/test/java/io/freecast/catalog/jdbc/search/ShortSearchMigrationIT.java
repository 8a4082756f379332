package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 15: titles written before it are found by a search of 1 or 2 characters through an index after it,
 * wherever the text is in them — on SQLite, indexed again with the two spaces that let the index's terms find a
 * text at a title's end; on PostgreSQL, through the new index of their short texts — and so are titles written,
 * renamed and deleted after it; 3-character searches find what they found before.
 */
class ShortSearchMigrationIT {

    @TempDir
    Path dir;

    @Test
    void onSqliteTitlesIndexedBeforeTheUpgradeAreFoundByOneAndTwoCharacterSearchesAfterIt() throws Exception {
        upgrade(TestDatabase.Kind.SQLITE, "title_terms_");
    }

    @Test
    void onPostgresTitlesWrittenBeforeTheUpgradeAreFoundByOneAndTwoCharacterSearchesAfterIt() throws Exception {
        upgrade(TestDatabase.Kind.POSTGRESQL, "title_short_texts(");
    }

    private void upgrade(TestDatabase.Kind kind, String readsShortTexts) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind, dir)) {
            db.migrateTo("14");
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO movie (feed_key, title, title_search, created_at, updated_at) VALUES "
                        + "('id:1', 'Lone Qz', 'lone qz', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                        + "('id:2', 'Qz', 'qz', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                        + "('id:3', 'Ox', 'ox', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                        + "('id:4', 'Qzar', 'qzar', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO show (feed_key, title, title_search, created_at, updated_at) VALUES "
                        + "('id:1', 'Y', 'y', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                        + "('id:2', 'Boy', 'boy', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }

            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));

            assertThat(movies(store, "qz")).containsExactly("Lone Qz", "Qz", "Qzar");
            assertThat(movies(store, "z")).containsExactly("Lone Qz", "Qz", "Qzar");
            assertThat(movies(store, "x")).containsExactly("Ox");
            assertThat(movies(store, "qz ")).as("a space at the end is folded away").containsExactly("Lone Qz", "Qz", "Qzar");
            assertThat(shows(store, "y")).containsExactly("Y", "Boy");
            assertThat(statements).as("read through an index, not by walking the lists")
                    .anyMatch(sql -> sql.contains(readsShortTexts) && sql.contains("movie"))
                    .anyMatch(sql -> sql.contains(readsShortTexts) && sql.contains("show"))
                    .noneMatch(sql -> sql.contains(" like "));
            assertThat(movies(store, "ne q")).containsExactly("Lone Qz");
            assertThat(movies(store, "e q")).containsExactly("Lone Qz");

            store.ports().movies().upsertAll(List.of(Drafts.movie("id:5", "Fizz Quiz")));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("UPDATE movie SET title = 'Oxo', title_search = 'oxo' WHERE feed_key = 'id:3'");
                s.execute("DELETE FROM movie WHERE feed_key = 'id:2'");
            }
            assertThat(movies(store, "iz")).containsExactly("Fizz Quiz");
            assertThat(movies(store, "z")).containsExactly("Lone Qz", "Qzar", "Fizz Quiz");
            assertThat(movies(store, "o")).containsExactly("Lone Qz", "Oxo");
            assertThat(movies(store, "xo")).containsExactly("Oxo");
        }
    }

    private static List<String> movies(JdbcCatalogStore store, String q) {
        Page<MovieTree> page = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, q, PageRequest.first(50)));
        assertThat(page.total()).as("q=%s", q).isEqualTo(page.items().size());
        return page.items().stream().map(m -> m.movie().title()).toList();
    }

    private static List<String> shows(JdbcCatalogStore store, String q) {
        Page<ShowTree> page = store.ports().queries().listShows(new ListQuery(Sort.BY_ID, q, PageRequest.first(50)));
        return page.items().stream().map(s -> s.show().title()).toList();
    }
}
