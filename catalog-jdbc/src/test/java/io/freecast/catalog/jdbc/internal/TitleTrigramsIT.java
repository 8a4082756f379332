package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.testing.contract.TitleSearchContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How SQLite chooses between a search's phrase and its two rarest trigrams ({@link TitleTrigrams}): from counts
 * per trigram, and from a sample of a real list's titles that is taken again once the list has moved.
 */
class TitleTrigramsIT {

    @TempDir
    Path dir;

    /** Titles holding each trigram of "dridrimilubel" among the 1,000,000 of bench/scale.sh's catalog (seed 13). */
    private static final Map<String, Integer> MILLION = Map.of("dri", 41_530, "rid", 15_159, "idr", 4_501,
            "rim", 10_398, "imi", 4_494, "mil", 4_694, "ilu", 4_647, "lub", 2_324, "ube", 4_717, "bel", 52_296);

    @Test
    void thePairIsChosenOnlyWhenItCostsLessThanThePhrase() {
        assertThat(TitleTrigrams.distinctTrigrams("dridrimilubel"))
                .containsExactly("dri", "rid", "idr", "rim", "imi", "mil", "ilu", "lub", "ube", "bel");
        assertThat(TitleTrigrams.choose(TitleTrigrams.distinctTrigrams("dridrimilubel"), MILLION::get))
                .as("2 × (2,324 + 4,494) against 149,760").isEqualTo("\"lub\" AND \"imi\"");
        assertThat(TitleTrigrams.choose(List.of("nig", "igh", "ght"), t -> 142_551))
                .as("three equally common trigrams: the phrase").isNull();
        assertThat(TitleTrigrams.choose(List.of("ame", "mel", "eli", "lie"), t -> 5_600))
                .as("four: the pair would cost as much as the phrase").isNull();
        assertThat(TitleTrigrams.choose(List.of("zeb", "ebr", "bra"), t -> t.equals("bra") ? 90 : 0))
                .as("two trigrams in no title: nothing to read").isEqualTo("\"zeb\" AND \"ebr\"");
        assertThat(TitleTrigrams.choose(List.of("a\"b", "\"xy", "qqq"), t -> t.equals("qqq") ? 500 : 1))
                .as("a double quote is doubled").isEqualTo("\"a\"\"b\" AND \"\"\"xy\"");
        assertThat(TitleTrigrams.distinctTrigrams("东京物语🎬")).containsExactly("东京物", "京物语", "物语🎬");
        assertThat(TitleTrigrams.distinctTrigrams("ab")).isEmpty();
    }

    @Test
    void aListsSampleIsTakenAgainOnceAPageHasSeenTheListMove() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir); Connection connection = db.connect()) {
            JdbcCatalogStore store = db.open();
            DSLContext dsl = DSL.using(connection, SQLDialect.SQLITE);
            TitleTrigrams trigrams = new TitleTrigrams(dsl, "movie", 0);
            assertThat(trigrams.rarestPair("dridrimilubel")).as("no page has read the list yet: the phrase").isNull();
            trigrams.observe(0, changes(connection));
            assertThat(trigrams.rarestPair("dridrimilubel")).as("an empty list: the phrase").isNull();

            List<String> titles = TitleSearchContract.commonTrigramTitles();
            store.ports().movies().upsertAll(IntStream.range(0, titles.size())
                    .mapToObj(i -> Drafts.movie("m" + i, titles.get(i))).toList());
            trigrams.observe(titles.size(), changes(connection));
            String pair = trigrams.rarestPair("dridrimilubel");
            assertThat(pair).as("idr and lub, in a dozen titles; the rest in 120 or more")
                    .isIn("\"idr\" AND \"lub\"", "\"lub\" AND \"idr\"");
            assertThat(trigrams.rarestPair("rimil")).as("three trigrams, as common as each other").isNull();
            assertThat(trigrams.rarestPair("dri")).as("one trigram").isNull();

            store.ports().movies().upsertAll(IntStream.range(0, 200)
                    .mapToObj(i -> Drafts.movie("x" + i, "Idr Lub Idr " + i)).toList());
            assertThat(trigrams.rarestPair("dridrimilubel")).as("until a page has seen the list grow").isEqualTo(pair);
            trigrams.observe(titles.size() + 200, changes(connection));
            assertThat(trigrams.rarestPair("dridrimilubel")).as("idr and lub are now the commonest")
                    .isNotNull().doesNotContain("\"idr\"").doesNotContain("\"lub\"");
        }
    }

    @Test
    void aListBelowTheLargeSizeIsNeverSampled() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir); Connection connection = db.connect()) {
            JdbcCatalogStore store = db.open();
            List<String> titles = TitleSearchContract.commonTrigramTitles();
            store.ports().movies().upsertAll(IntStream.range(0, titles.size())
                    .mapToObj(i -> Drafts.movie("m" + i, titles.get(i))).toList());
            List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
            DSLContext dsl = DSL.using(new org.jooq.impl.DefaultConfiguration().set(SQLDialect.SQLITE)
                    .set(connection).set(new org.jooq.impl.DefaultExecuteListenerProvider(new org.jooq.ExecuteListener() {
                        @Override
                        public void executeStart(org.jooq.ExecuteContext context) {
                            statements.add(context.sql());
                        }
                    })));
            TitleTrigrams trigrams = new TitleTrigrams(dsl, "movie", titles.size() + 1);
            trigrams.observe(titles.size(), changes(connection));
            assertThat(trigrams.rarestPair("dridrimilubel")).isNull();
            assertThat(statements).as("nothing read").isEmpty();
        }
    }

    @Test
    void aListLargerThanTheSampleIsSampledOverItsIds() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir); Connection connection = db.connect()) {
            db.open().close();
            int size = TitleTrigrams.SAMPLE * 3;
            try (Statement statement = connection.createStatement()) {
                // Every title holds the trigrams of "abcqzxvwk" but "qzx" and "vwk", which one title in 50 holds
                // apart.
                statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + size + ")"
                        + " INSERT INTO movie (feed_key, title, title_search, created_at, updated_at)"
                        + " SELECT 'id:' || i, 'x', 'abcqz zxvw' || CASE WHEN i % 50 = 0 THEN ' qzx vwk' ELSE '' END,"
                        + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n");
            }
            TitleTrigrams trigrams = new TitleTrigrams(DSL.using(connection, SQLDialect.SQLITE), "movie", 0);
            trigrams.observe(size, changes(connection));
            assertThat(trigrams.rarestPair("abcqzxvwk")).isIn("\"qzx\" AND \"vwk\"", "\"vwk\" AND \"qzx\"");
        }
    }

    private static long changes(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT changes FROM title_count WHERE kind = 'movie'");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
