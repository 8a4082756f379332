package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.PostgresPlans;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The search plan contract on PostgreSQL: {@code EXPLAIN} (after {@code ANALYZE}, with the search's values
 * written in, as a custom plan would see them) must use the GIN trigram index and neither read the movie
 * table sequentially nor walk one of its indexes without an index condition (a filtered walk).
 */
class PostgresSearchPlanIT extends SearchPlanContract {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?");

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.postgres();
    }

    /**
     * With a few thousand rows PostgreSQL rightly reads the whole table (a hundred pages) rather than any
     * index; 100,000 more titles, written in one statement, make it weigh the search as it would in a real
     * catalog. Then the statistics the planner reads are refreshed.
     */
    @Override
    void analyse(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO movie (feed_key, title, title_search, created_at, updated_at)"
                    + " SELECT 'id:bulk' || n, 'Bulk ' || md5(n::text), 'bulk ' || md5(n::text), now(), now()"
                    + " FROM generate_series(1, 100000) AS n");
            statement.execute("ANALYZE movie");
        }
    }

    @Override
    int extraRows() {
        return 100_000;
    }

    @Override
    void addCommonTrigramTitles(TestDatabase db, int count) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO movie (feed_key, title, title_search, created_at, updated_at)"
                    + " SELECT 'id:common' || n, 'Dri Rid Rim Imi Mil Ilu Ube Bel ' || n, 'dri rid rim imi mil ilu ube bel ' || n,"
                    + " now(), now() FROM generate_series(1, " + count + ") AS n ORDER BY n");
            statement.execute("ANALYZE movie");
        }
    }

    @Override
    String checksTheWholeText() {
        return "position(";
    }

    @Override
    String readsShortTexts() {
        return "title_short_texts(";
    }

    @Override
    boolean usesShortTextIndex(String step) {
        return step.contains("ix_movie_title_short");
    }

    /**
     * A word whose trigrams are all common but two ("dridrimilubel": "idr" and "lub" in a dozen titles, the rest
     * in 20,000) is read through those two: each of its statements (the total, pages by id and by title, first
     * and beyond a cursor) asks the GIN index for two one-trigram patterns only — not the whole text, whose every
     * posting list the index would read — and checks each title for the whole text; and neither the plan
     * PostgreSQL makes for these values nor the generic plan a prepared statement may switch to after five runs
     * ({@code plan_cache_mode = force_generic_plan}) reads the table or walks one of its indexes.
     */
    @Test
    void aWordOfCommonTrigramsReadsOnlyTheListsOfItsTwoRarestUnderACustomAndAGenericPlan() throws SQLException {
        try (TestDatabase db = database(dir)) {
            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            // The word's titles first (the smallest ids), so that beyond a cursor on one of them lies most of the list.
            writeCommonTrigramTitles(store);
            addCommonTrigramTitles(db, LARGE_LIST);
            analyse(db);
            // The first search reads the list's size, the second takes the sample of its trigrams.
            store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "rimil", PageRequest.first(2)));
            store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "rimil", PageRequest.first(2)));

            statements.clear();
            pageTheRareWordEveryWay(store);
            List<String> rare = List.copyOf(new LinkedHashSet<>(statements.stream()
                    .filter(sql -> sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select"))
                    .filter(sql -> sql.contains("title_search")).toList()));
            assertThat(rare).as("the total, and pages by id both ways and by title, first and beyond a cursor")
                    .hasSize(7).allMatch(sql -> sql.contains("position("));
            try (Connection connection = db.connect()) {
                long middle;
                try (Statement statement = connection.createStatement();
                     var row = statement.executeQuery("SELECT id FROM movie WHERE title = 'Return to Dridrimilubel'")) {
                    row.next();
                    middle = row.getLong(1);
                }
                for (String sql : rare) {
                    List<String> values = pairValues(sql, middle);
                    List<String> custom = PostgresPlans.steps(connection, withValues(sql, values));
                    // Towards the list's start from a cursor the range of ids is short, and may rightly be read by key.
                    if (!sql.contains("\"id\" < ?")) {
                        assertThat(custom).as(sql).anyMatch(this::usesTrigramIndex);
                    }
                    assertReadsOnlyThePair(custom, sql);
                    assertThat(custom).as("the two trigrams' patterns, with the values written in")
                            .filteredOn(step -> step.contains("Index Cond") && step.contains("~~"))
                            .allMatch(step -> step.contains("'%idr%'") && step.contains("'%lub%'"));
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET plan_cache_mode = force_generic_plan");
                        statement.execute("PREPARE rare AS " + numbered(sql));
                        List<String> generic = PostgresPlans.steps(connection, "EXECUTE rare(" + String.join(", ", values) + ")");
                        statement.execute("DEALLOCATE rare");
                        statement.execute("RESET plan_cache_mode");
                        assertThat(generic).as("a generic plan, its values unknown: %s", sql)
                                .anyMatch(step -> step.contains("Index Cond") && step.contains("$"))
                                .anyMatch(this::usesTrigramIndex);
                        assertReadsOnlyThePair(generic, sql);
                    }
                }
            }
        }
    }

    private void assertReadsOnlyThePair(List<String> plan, String sql) {
        assertThat(plan).as(sql).noneMatch(this::scansMovies);
        List<String> indexConditions = plan.stream().filter(step -> step.contains("Index Cond") && step.contains("~~")).toList();
        // Two LIKEs of one trigram each, and nothing else: not the whole text's pattern, not its position.
        assertThat(indexConditions.isEmpty()).as("the trigram index's conditions: %s", plan)
                .isEqualTo(plan.stream().noneMatch(this::usesTrigramIndex));
        assertThat(indexConditions).as("the trigram index's conditions: %s", plan)
                .allMatch(step -> step.split("~~", -1).length == 3 && !step.contains("dridrimilubel")
                        && !step.toLowerCase(Locale.ROOT).contains("position"));
    }

    /**
     * The values of a rare-word statement's placeholders, as literals, as its second page would have them: the
     * first {@code LIKE} one trigram's pattern, the second the other's, {@code position(…)} the whole text, the
     * page's length 3, a cursor's title "a" (before every title: the whole list lies beyond it), the count's memo
     * and the page's own total nothing (so the count is planned), any other value (the cursor's id) {@code middle}.
     */
    private static List<String> pairValues(String sql, long middle) {
        List<String> values = new java.util.ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(sql);
        int likes = 0;
        while (matcher.find()) {
            String before = sql.substring(0, matcher.start()).stripTrailing().toLowerCase(Locale.ROOT);
            values.add(before.endsWith("like") ? (likes++ == 0 ? "'%idr%'" : "'%lub%'")
                    : before.endsWith("position(") ? "'dridrimilubel'"
                    : before.endsWith("fetch next") ? "'3'"
                    : before.endsWith("> (") || before.endsWith("< (") ? "'a'"
                    : before.endsWith("=") || before.endsWith("then") || before.endsWith("when") ? "'-1'"
                    : "'" + middle + "'");
        }
        return values;
    }

    private static String withValues(String sql, List<String> values) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(i++)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The statement with PostgreSQL's numbered parameters ($1, $2…) for its placeholders, for PREPARE. */
    private static String numbered(String sql) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("$" + ++i));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The plan's lines; an index walk on movie with no "Index Cond" under it comes back as "WALK …". */
    @Override
    List<String> explain(Connection connection, String sql) throws SQLException {
        return PostgresPlans.steps(connection, withValues(sql));
    }

    /**
     * The statement with its placeholders filled: the search pattern after LIKE, a short text ("qz") in an array;
     * -1 for a total's "known" count
     * (the only placeholder right after a WHEN: no total known, so the count itself is planned — with a
     * value, PostgreSQL folds the CASE and the count's subquery leaves the plan); else a small number.
     */
    private static String withValues(String sql) {
        return withValues(sql, literals(sql));
    }

    /** {@link #withValues(String)}'s values, in the order of the statement's placeholders. */
    private static List<String> literals(String sql) {
        List<String> values = new java.util.ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(sql);
        while (matcher.find()) {
            String before = sql.substring(0, matcher.start()).stripTrailing().toLowerCase(Locale.ROOT);
            values.add(before.endsWith("like") ? "'%zyxwvut%'" : before.endsWith("when") ? "-1"
                    : before.endsWith("array[") ? "'qz'" : "'2'");
        }
        return values;
    }

    /**
     * A rare search of 2 characters under the generic plan a prepared statement may switch to after five runs
     * ({@code plan_cache_mode = force_generic_plan}), where PostgreSQL does not know the text: its count and its
     * pages (in id order both ways and by title, first and beyond a cursor) still read the index of short texts,
     * never the list.
     */
    @Test
    void aRareSearchOfTwoCharactersReadsItsIndexUnderAGenericPlanToo() throws SQLException {
        try (TestDatabase db = database(dir)) {
            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            addCommonTrigramTitles(db, LARGE_LIST);
            List<String> shortSearches = statementsPagingTheRareShortText(store, statements);
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("SET plan_cache_mode = force_generic_plan");
                for (String sql : shortSearches) {
                    statement.execute("PREPARE short AS " + numbered(sql));
                    List<String> generic = PostgresPlans.steps(connection,
                            "EXECUTE short(" + String.join(", ", literals(sql)) + ")");
                    statement.execute("DEALLOCATE short");
                    assertThat(generic).as("a generic plan, its values unknown: %s", sql)
                            .noneMatch(this::scansMovies).anyMatch(this::usesShortTextIndex);
                }
                statement.execute("RESET plan_cache_mode");
            }
        }
    }

    @Override
    boolean scansMovies(String step) {
        return step.contains("Seq Scan on movie") || step.startsWith("WALK ");
    }

    @Override
    boolean usesTrigramIndex(String step) {
        return step.contains("ix_movie_title_trgm");
    }
}
