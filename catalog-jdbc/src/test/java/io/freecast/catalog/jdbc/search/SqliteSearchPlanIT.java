package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.SqlitePlans;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The search plan contract on SQLite: {@code EXPLAIN QUERY PLAN} must show the FTS5 trigram table and no
 * {@code SCAN movie} at all — not even one walking an index, which is how a {@code LIKE '%…%'} search ran
 * before (and what {@code SqliteQueryPlanIT}, which allows walking an index in order, would not catch).
 * And a search whose trigrams are all common but rare together is read through its two rarest trigrams, each
 * title then checked, still without a scan, and in id order without a sort.
 */
class SqliteSearchPlanIT extends SearchPlanContract {

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.sqlite(dir);
    }

    @Override
    List<String> explain(Connection connection, String sql) throws SQLException {
        return SqlitePlans.steps(connection, sql);
    }

    @Override
    boolean scansMovies(String step) {
        return step.replace("`", "").replace("\"", "").startsWith("SCAN movie");
    }

    @Override
    boolean usesTrigramIndex(String step) {
        return step.contains("title_index_movie VIRTUAL TABLE");
    }

    @Override
    void addCommonTrigramTitles(TestDatabase db, int count) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + count + ")"
                    + " INSERT INTO movie (feed_key, title, title_search, created_at, updated_at)"
                    + " SELECT 'id:common' || i, 'Dri Rid Rim Imi Mil Ilu Ube Bel ' || i, 'dri rid rim imi mil ilu ube bel ' || i,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM n ORDER BY i");
        }
    }

    @Override
    String checksTheWholeText() {
        return "instr(";
    }

    @Override
    String readsShortTexts() {
        return "title_terms_movie";
    }

    @Override
    boolean usesShortTextIndex(String step) {
        return step.contains("title_terms_movie VIRTUAL TABLE");
    }

    @Test
    void aSearchOfCommonTrigramsIsReadThroughItsRarestPairAndAnEvenOneThroughThePhrase() throws SQLException {
        try (TestDatabase db = database(dir)) {
            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            // A list large enough to be searched through its rarest trigrams (TitleTrigrams.LARGE_LIST): 20,000
            // more titles holding every trigram of "dridrimilubel" but "idr" and "lub".
            addCommonTrigramTitles(db, 20_000);
            List<String> titles = writeCommonTrigramTitles(store);
            store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "rimil", PageRequest.first(2)));

            // The searches read exactly the titles holding the whole text, not those holding the pair apart.
            for (String q : List.of("dridrimilubel", "drimilubel", "idr lub", "lubidr", "dridrimilube", "idrimilu")) {
                String text = FeedKey.normaliseTitle(q);
                List<String> expected = titles.stream().filter(t -> FeedKey.normaliseTitle(t).contains(text)).toList();
                for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.TITLE, true))) {
                    Page<MovieTree> page = store.ports().queries().listMovies(new ListQuery(sort, q, PageRequest.first(50)));
                    assertThat(page.items().stream().map(m -> m.movie().title()).toList()).as("q=%s %s", q, sort)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(page.total()).isEqualTo(expected.size());
                }
            }

            // "dridrimilubel": ten trigrams, eight of them in 20,120 titles or more; "idr" and "lub" in about ten.
            statements.clear();
            pageTheRareWordEveryWay(store);
            List<String> rare = searches(statements);
            assertThat(rare).as("the total, and pages by id and by title, first and beyond a cursor").hasSize(7);
            try (Connection connection = db.connect()) {
                for (String sql : rare) {
                    assertThat(sql).as("read through the pair, each title checked").contains("instr(");
                    List<String> plan = explain(connection, sql);
                    assertThat(plan).as(sql).anyMatch(this::usesTrigramIndex).noneMatch(this::scansMovies);
                    if (!sql.contains("count(") && !sql.contains("`title_search` asc")) {
                        assertThat(plan).as("FTS5 hands out the page in row id order: %s", sql)
                                .noneMatch(step -> step.contains("TEMP B-TREE"));
                    }
                }
            }

            // "rimil": three trigrams, each in 20,126 titles: the phrase, no check of the title.
            statements.clear();
            Page<?> even = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "rimil", PageRequest.first(2)));
            assertThat(even.total()).isEqualTo(6);
            assertThat(searches(statements)).hasSize(2).noneMatch(sql -> sql.contains("instr("));
        }
    }

    /** The distinct statements of the searches that read the movie list (not its sources). */
    private static List<String> searches(List<String> statements) {
        return List.copyOf(new LinkedHashSet<>(statements.stream()
                .filter(sql -> sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select"))
                .filter(sql -> sql.contains("title_index_movie"))
                .toList()));
    }
}
