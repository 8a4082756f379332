package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.testing.contract.TitleSearchContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Search does not scan": the statements a title search of three characters or more runs — its page in
 * every order and its total — are explained by the database, and none reads the catalog table other than
 * by key or through the title's trigram index; a deep page of the list by title starts at its place in the
 * title index instead of walking to it; a page of the whole list reads its total from the maintained count
 * and counts nothing.
 */
abstract class SearchPlanContract {

    /** Rows enough that a planner weighing costs prefers an index to reading a few pages. */
    private static final int MOVIES = 5_000;

    @TempDir
    Path dir;

    abstract TestDatabase database(Path dir);

    /** The plan of one statement as the database explains it, one line per step. */
    abstract List<String> explain(Connection connection, String sql) throws SQLException;

    /** Whether a step of a plan reads the whole {@code movie} table or walks a whole index of it. */
    abstract boolean scansMovies(String step);

    /** Whether a step of a plan uses the title's trigram index. */
    abstract boolean usesTrigramIndex(String step);

    @Test
    void aSearchIsAnsweredThroughTheTrigramIndexAndTheWholeListCountsNothing() throws SQLException {
        try (TestDatabase db = database(dir)) {
            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            List<MovieDraft> drafts = IntStream.range(0, MOVIES)
                    .mapToObj(i -> Drafts.movie("m" + i, "Film " + Integer.toString(i * 7919, 36) + " Number " + i))
                    .toList();
            for (int from = 0; from < MOVIES; from += 1_000) {
                store.ports().movies().upsertAll(drafts.subList(from, from + 1_000));
            }
            store.ports().movies().upsertAll(List.of(Drafts.movie("rare", "The Zyxwvut Affair")));
            analyse(db);

            statements.clear();
            for (SortField field : SortField.forMovies()) {
                for (boolean descending : List.of(false, true)) {
                    Sort sort = new Sort(field, descending);
                    Page<?> page = store.ports().queries().listMovies(new ListQuery(sort, "zyxwvut", PageRequest.first(2)));
                    assertThat(page.total()).isEqualTo(1);
                    store.ports().queries().listMovies(new ListQuery(sort, "zyxwvut", PageRequest.first(50)));
                }
            }
            Page<?> first = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "zyxwvut", PageRequest.first(1)));
            assertThat(first.items()).hasSize(1);
            List<String> searches = new ArrayList<>(distinct(statements));
            List<String> deepPages = new ArrayList<>();
            Page<?> byTitle = store.ports().queries().listMovies(new ListQuery(new Sort(SortField.TITLE, false), null,
                    PageRequest.first(500)));
            Cursor middle = byTitle.next();
            for (boolean descending : List.of(false, true)) {
                Sort sort = new Sort(SortField.TITLE, descending);
                statements.clear();
                Page<?> deep = store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(10,
                        new Cursor(sort.wireName(), Cursor.Direction.AFTER, middle.sortValue(), middle.id()))));
                assertThat(deep.items()).hasSize(10);
                deepPages.add(statements.stream().filter(sql -> sql.contains("order by")).findFirst().orElseThrow());
            }
            searches.addAll(deepPages);
            assertThat(searches).as("the pages and totals of the searches, and two deep pages by title")
                    .hasSizeGreaterThanOrEqualTo(6);

            List<String> scans = new ArrayList<>();
            boolean trigram = false;
            try (Connection connection = db.connect()) {
                for (String sql : searches) {
                    for (String step : explain(connection, sql)) {
                        if (scansMovies(step)) {
                            scans.add(step + "   <-   " + sql);
                        }
                        trigram |= usesTrigramIndex(step);
                    }
                }
            }
            assertThat(scans).as("steps that read every movie").isEmpty();
            assertThat(trigram).as("some statement uses the trigram index").isTrue();

            statements.clear();
            Page<?> whole = store.ports().queries().listMovies(new ListQuery(new Sort(SortField.TITLE, false), null,
                    PageRequest.first(10)));
            store.ports().queries().listMovies(new ListQuery(new Sort(SortField.TITLE, false), null,
                    new PageRequest(10, whole.next())));
            assertThat(whole.total()).isEqualTo(MOVIES + 1 + extraRows());
            assertThat(statements).as("no page of the whole list counts it")
                    .noneMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("count("));
        }
    }

    /** How many titles a list needs to be searched through its rarest trigrams ({@code TitleTrigrams.LARGE_LIST}). */
    static final int LARGE_LIST = 20_000;

    /** The title of the {@code i}-th of {@link #addCommonTrigramTitles}' rows (1-based). */
    static String commonTrigramTitle(int i) {
        return "Dri Rid Rim Imi Mil Ilu Ube Bel " + i;
    }

    /**
     * Writes {@code count} titles {@link #commonTrigramTitle}(1…count), in that order, with one statement (the
     * store's writes would take minutes), then refreshes the planner's statistics where the database keeps any.
     */
    abstract void addCommonTrigramTitles(TestDatabase db, int count) throws SQLException;

    /** A fragment of SQL found only in a search statement that checks each title for the whole text. */
    abstract String checksTheWholeText();

    /** A fragment of SQL found only in a statement reading the index of short texts (1 or 2 characters). */
    abstract String readsShortTexts();

    /** Whether a step of a plan reads the index of short texts. */
    abstract boolean usesShortTextIndex(String step);

    /**
     * A search of 2 characters that few titles hold ("qz", at a title's start, its end, and the whole of it) is
     * counted and paged through the index of short texts — every statement, in id order both ways and by title,
     * first and beyond a cursor — and never reads the list; one that every title holds ("d") is counted there up
     * to the cap and its page walks the list until it is full.
     */
    @Test
    void aRareSearchOfTwoCharactersIsReadThroughAnIndexAndACommonOneWalksTheListToThePagesEnd() throws SQLException {
        try (TestDatabase db = database(dir)) {
            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            addCommonTrigramTitles(db, LARGE_LIST);
            List<String> rare = statementsPagingTheRareShortText(store, statements);
            try (Connection connection = db.connect()) {
                for (String sql : rare) {
                    assertThat(explain(connection, sql)).as(sql).noneMatch(this::scansMovies)
                            .anyMatch(this::usesShortTextIndex);
                }
            }

            statements.clear();
            Page<MovieTree> common = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "d", PageRequest.first(50)));
            assertThat(common.total()).isEqualTo(Page.UNCOUNTED);
            assertThat(common.items()).hasSize(50);
            assertThat(statements).as("counted through the index, up to the cap")
                    .anyMatch(sql -> sql.contains(readsShortTexts()) && sql.contains("count("));
            assertThat(statements).as("the page walks the list")
                    .anyMatch(sql -> sql.contains(" like ") && !sql.contains(readsShortTexts()));
        }
    }

    /** Titles with punctuation, SQL and {@code LIKE} syntax, and long ones, around the common-trigram word. */
    static final List<String> EDGE_TITLES = List.of("Idr%Lub", "Idr_Lub", "Idr\\Lub", "O'Lubidr", "100% Dridrimilubel",
            "Dri_drimilubel", "It's Dridrimilubel", "Idr Lub " + "Dridrimilubel Returns Again ".repeat(6).strip(),
            "Amélie à Dridrimilubel", "%", "_", "\\", "'", "Qz", "Lone Qz", "Qzar", "Ж", "Ёж");

    /**
     * A list large enough to be searched through its rarest trigrams, whose titles hold common trigrams rare
     * together, answers every search exactly as the rule says — the rare word and its near misses (read through
     * two trigrams and checked), 1- and 2-character searches (no trigram: common ones walk the list, rare ones at
     * a title's start, middle and end, and in titles of 1 or 2 characters, on SQLite through the index's terms), long ones (up to the 200 characters a search may have), punctuation, SQL and
     * {@code LIKE} syntax taken literally — with totals counted up to the cap, in id and title order.
     */
    @Test
    void aLargeListIsSearchedByTheRuleWhicheverWayItReadsTheIndex() throws SQLException {
        try (TestDatabase db = database(dir)) {
            List<String> statements = new CopyOnWriteArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            addCommonTrigramTitles(db, LARGE_LIST);
            List<String> written = new ArrayList<>(TitleSearchContract.commonTrigramTitles());
            written.addAll(EDGE_TITLES);
            store.ports().movies().upsertAll(IntStream.range(0, written.size())
                    .mapToObj(i -> Drafts.movie("edge" + i, written.get(i))).toList());
            List<String> titles = new ArrayList<>();
            IntStream.rangeClosed(1, LARGE_LIST).forEach(i -> titles.add(commonTrigramTitle(i)));
            titles.addAll(written);
            store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "rimil", PageRequest.first(2)));

            String longest = "Idr Lub " + "Dridrimilubel Returns Again ".repeat(6).strip();
            List<String> queries = List.of("dridrimilubel", "DRIDRIMILUBEL", "drimilubel", "idrimilu", "idr lub",
                    "lubidr", "dridrimilube", "dridrimilubelx", "dridrimilubel ii", "d", "dr", "lu", "é", "%", "_",
                    "\\", "'", "%%", "idr%lub", "idr_lub", "idr\\lub", "o'lubidr", "it's dridrimilubel",
                    "dri-drimilubel", "Dridrimilubel: Quiet Harbor", "100% dridrimilubel", "amelie a dridrimilubel",
                    longest, longest.toUpperCase(Locale.ROOT).replace(' ', '_'), longest + " x",
                    "dridrimilubel ".repeat(14).strip(), "q%' OR 1=1 --", "zq", "qz", "QZ", "q", "z", "ж", "Ж", "ё",
                    "е", "ar", "z ");
            statements.clear();
            for (String q : queries) {
                List<String> expected = byTheRule(titles, q);
                for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.ID, true), new Sort(SortField.TITLE, false))) {
                    Page<MovieTree> page = store.ports().queries().listMovies(new ListQuery(sort, q, PageRequest.first(50)));
                    List<String> found = page.items().stream().map(m -> m.movie().title()).toList();
                    assertThat(page.total()).as("q=%s %s: total", q, sort)
                            .isEqualTo(expected.size() > 1_000 ? Page.UNCOUNTED : expected.size());
                    if (sort.equals(Sort.BY_ID)) {
                        assertThat(found).as("q=%s", q).containsExactlyElementsOf(expected.stream().limit(50).toList());
                    } else if (expected.size() <= 50) {
                        assertThat(found).as("q=%s %s", q, sort).containsExactlyInAnyOrderElementsOf(expected);
                    } else {
                        assertThat(expected).as("q=%s %s", q, sort).containsAll(found);
                        assertThat(found).hasSize(50);
                    }
                }
            }
            assertThat(statements).as("the rare word was read through two of its trigrams, each title checked")
                    .anyMatch(sql -> sql.contains(checksTheWholeText()));
        }
    }

    /** Titles holding "qz" at their start, at their end, and as a whole ({@link #statementsPagingTheRareShortText}). */
    private static final List<String> SHORT_TEXT_TITLES = List.of("Qz", "Lone Qz", "Qzar");

    /**
     * Writes {@link #SHORT_TEXT_TITLES} through {@code store}, then reads "qz"'s first and second page (of 2 titles)
     * in id order both ways and in title order, checking its total (3) and that the two pages hold those titles;
     * returns the distinct statements of that reading that read the index of short texts ({@code statements} is
     * what the store's statement listener collects): the total's and six pages'.
     */
    List<String> statementsPagingTheRareShortText(JdbcCatalogStore store, List<String> statements) {
        store.ports().movies().upsertAll(IntStream.range(0, SHORT_TEXT_TITLES.size())
                .mapToObj(i -> Drafts.movie("short" + i, SHORT_TEXT_TITLES.get(i))).toList());
        statements.clear();
        for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.ID, true), new Sort(SortField.TITLE, false))) {
            Page<MovieTree> first = store.ports().queries().listMovies(new ListQuery(sort, "qz", PageRequest.first(2)));
            Page<MovieTree> second = store.ports().queries().listMovies(new ListQuery(sort, "qz",
                    new PageRequest(2, first.next())));
            assertThat(first.total()).as("%s", sort).isEqualTo(SHORT_TEXT_TITLES.size());
            assertThat(Stream.concat(first.items().stream(), second.items().stream()).map(m -> m.movie().title()))
                    .as("%s", sort).containsExactlyInAnyOrderElementsOf(SHORT_TEXT_TITLES);
        }
        List<String> shortSearches = List.copyOf(new LinkedHashSet<>(statements.stream()
                .filter(sql -> sql.contains(readsShortTexts())).toList()));
        assertThat(shortSearches).as("the count, and pages by id both ways and by title, first and beyond a cursor")
                .hasSize(7);
        return shortSearches;
    }

    /** Writes {@link TitleSearchContract#commonTrigramTitles()} through the store, in order, and returns them. */
    static List<String> writeCommonTrigramTitles(JdbcCatalogStore store) {
        List<String> titles = TitleSearchContract.commonTrigramTitles();
        store.ports().movies().upsertAll(IntStream.range(0, titles.size())
                .mapToObj(i -> Drafts.movie("m" + i, titles.get(i))).toList());
        return titles;
    }

    /**
     * Reads the rare word's first and second page (of 2 titles) in id order both ways and in title order, checking
     * its total (3) and the last page's length: the total's statement and six pages', first and beyond a cursor.
     */
    static void pageTheRareWordEveryWay(JdbcCatalogStore store) {
        for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.ID, true), new Sort(SortField.TITLE, false))) {
            Page<?> first = store.ports().queries().listMovies(new ListQuery(sort, "dridrimilubel", PageRequest.first(2)));
            assertThat(first.total()).isEqualTo(3);
            Page<?> second = store.ports().queries().listMovies(new ListQuery(sort, "dridrimilubel",
                    new PageRequest(2, first.next())));
            assertThat(second.items()).hasSize(1);
        }
    }

    /** The titles a search finds, in the order they were written (their ids' order): the API's rule. */
    static List<String> byTheRule(List<String> titles, String q) {
        String normalised = FeedKey.normaliseTitle(q.strip());
        return titles.stream().filter(t -> normalised.isEmpty() ? t.contains(q.strip())
                : FeedKey.normaliseTitle(t).contains(normalised)).toList();
    }

    /** How many rows {@link #analyse} added. */
    int extraRows() {
        return 0;
    }

    /** Refreshes the planner's statistics, where the database keeps any. */
    void analyse(TestDatabase db) throws SQLException {
    }

    private static List<String> distinct(List<String> statements) {
        return List.copyOf(new java.util.LinkedHashSet<>(statements.stream()
                .filter(sql -> sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select"))
                .filter(sql -> Set.of("movie", "title_count").stream().anyMatch(sql::contains))
                .toList()));
    }
}
