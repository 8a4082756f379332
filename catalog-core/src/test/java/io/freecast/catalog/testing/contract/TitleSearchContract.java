package io.freecast.catalog.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.MovieFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.testing.Drafts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Title search and list totals, on every store: the search rule (the query, normalised like titles — case,
 * accents and punctuation folded — is a literal substring of the normalised title; a query of punctuation
 * only is a literal substring of the title), whatever index answers it; searches of every length, hostile
 * text for SQL, {@code LIKE} and FTS5 alike; a title changed or removed by hand; paging through matches in
 * the list's order; and {@code total} right on every page, also when the catalog changes between pages.
 */
public abstract class TitleSearchContract extends EditingFixture {

    /** Titles that hold every kind of character a search may trip on. */
    private static final List<String> TITLES = List.of(
            "Amélie", "AMELIE Returns", "Le Fabuleux Destin d'Amélie Poulain", "Crème Brûlée", "ÉCLAIR",
            "Spider-Man: Far From Home", "Dr. Strangelove", "100% Wolf", "a_c", "Back\\slash",
            "Say \"Cheese\"", "Star*Wars", "Near Dark", "The NEAR(Miss)", "Fox OR Yak", "Orphan",
            "title_search MATCH 'x'", "Robert'); DROP TABLE movie;--", "(Parens) Inside", "Caret ^ Hat",
            "东京物语", "Movie Night 🎬", "Plus+Minus-Equals", "AND NOT", "{Braces} [Brackets]");

    private void importTitles(List<String> titles) {
        store.ports().movies().upsertAll(IntStream.range(0, titles.size())
                .mapToObj(i -> Drafts.movie("m" + i, titles.get(i))).toList());
    }

    private List<String> search(String q) {
        return titles(catalog.queries().listMovies(new ListQuery(Sort.BY_ID, q, PageRequest.first(500))));
    }

    private static List<String> titles(Page<MovieTree> page) {
        return page.items().stream().map(m -> m.movie().title()).toList();
    }

    /** The documented rule, written out once, to check a store against for many queries. */
    private static List<String> byTheRule(List<String> titles, String q) {
        String normalised = FeedKey.normaliseTitle(q.strip());
        return titles.stream().filter(t -> normalised.isEmpty() ? t.contains(q.strip())
                : FeedKey.normaliseTitle(t).contains(normalised)).toList();
    }

    @Test
    void caseAndAccentsAreFoldedOnBothSides() {
        importTitles(TITLES);

        assertThat(search("amélie")).containsExactly("Amélie", "AMELIE Returns", "Le Fabuleux Destin d'Amélie Poulain");
        assertThat(search("AMÉLIE")).containsExactly("Amélie", "AMELIE Returns", "Le Fabuleux Destin d'Amélie Poulain");
        assertThat(search("creme brulee")).containsExactly("Crème Brûlée");
        assertThat(search("BRÛL")).containsExactly("Crème Brûlée");
        assertThat(search("eclair")).containsExactly("ÉCLAIR");
        assertThat(search("Éclair")).containsExactly("ÉCLAIR");
        assertThat(search("e\u0301clair")).as("a combining accent").containsExactly("ÉCLAIR");
    }

    @Test
    void punctuationIsFoldedLikeTitlesAre() {
        importTitles(TITLES);

        assertThat(search("spider man")).containsExactly("Spider-Man: Far From Home");
        assertThat(search("Spider-Man")).containsExactly("Spider-Man: Far From Home");
        assertThat(search("man: far")).containsExactly("Spider-Man: Far From Home");
        assertThat(search("man far")).containsExactly("Spider-Man: Far From Home");
        assertThat(search("dr strange")).containsExactly("Dr. Strangelove");
        assertThat(search("star wars")).containsExactly("Star*Wars");
        assertThat(search("plus minus equals")).containsExactly("Plus+Minus-Equals");
        assertThat(search("spiderman")).as("a separator is a space, not nothing").isEmpty();
    }

    @Test
    void searchesOfOneAndTwoCharactersAreSubstringsToo() {
        importTitles(TITLES);

        for (String q : List.of("a", "A", "é", "ac", "东", "东京", "🎬", "o", "or", "OR", "%", "_", "\\", "\"", "'", "*",
                "(", ")", "^", "[", "{", "-", "+", ":", "a_", "%W")) {
            assertThat(search(q)).as("q=%s", q).containsExactlyElementsOf(byTheRule(TITLES, q));
        }
        assertThat(search("%")).containsExactly("100% Wolf");
        assertThat(search("_")).containsExactly("a_c", "title_search MATCH 'x'");
        assertThat(search("\\")).containsExactly("Back\\slash");
        assertThat(search("东京")).containsExactly("东京物语");
        assertThat(search("🎬")).containsExactly("Movie Night 🎬");
        assertThat(search("or")).contains("Fox OR Yak", "Orphan");
        Page<MovieTree> page = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, "a", PageRequest.first(2)));
        assertThat(page.total()).isEqualTo(byTheRule(TITLES, "a").size());
    }

    @Test
    void queryAndFullTextSyntaxIsTakenLiterally() {
        importTitles(TITLES);

        assertThat(search("say \"cheese\"")).containsExactly("Say \"Cheese\"");
        assertThat(search("\"cheese\"")).containsExactly("Say \"Cheese\"");
        assertThat(search("star*")).containsExactly("Star*Wars");
        assertThat(search("NEAR")).containsExactly("Near Dark", "The NEAR(Miss)");
        assertThat(search("NEAR(Miss)")).containsExactly("The NEAR(Miss)");
        assertThat(search("NEAR(dark miss)")).isEmpty();
        assertThat(search("fox OR yak")).containsExactly("Fox OR Yak");
        assertThat(search("fox OR orphan")).isEmpty();
        assertThat(search("AND NOT")).containsExactly("AND NOT");
        assertThat(search("title_search MATCH 'x'")).containsExactly("title_search MATCH 'x'");
        assertThat(search("MATCH")).containsExactly("title_search MATCH 'x'");
        assertThat(search("'); DROP TABLE movie;--")).containsExactly("Robert'); DROP TABLE movie;--");
        assertThat(search("(parens)")).containsExactly("(Parens) Inside");
        assertThat(search("^ hat")).containsExactly("Caret ^ Hat");
        assertThat(search("{braces} [brackets]")).containsExactly("{Braces} [Brackets]");
        assertThat(search("x' OR '1'='1")).isEmpty();
        for (String q : List.of("\"", "\"\"", "\" OR \"", "*", "* OR *", "NEAR(a b, 2)", "a AND b", "NOT x", "col : x",
                "^start", "x\"y", "'", "''", "\\'", "\\\"", "% _ \\", "100%", "%_%", "[a-z]", "?", "a-", "-a", "+a",
                "(", ")", "( )", "((a))", "MATCH 'a'", "\u2028line")) {
            assertThat(search(q)).as("q=%s", q).containsExactlyElementsOf(byTheRule(TITLES, q));
        }
        assertThat(catalog.queries().listMovies(ListQuery.firstPage()).total()).as("nothing dropped").isEqualTo(TITLES.size());
    }

    @Test
    void theLongestSearchFindsItsTitleAndALongerOneIsRefused() {
        String title = "Ночь ".repeat(100).strip();                         // 499 characters
        importTitles(List.of(title, "Short"));
        String longest = title.substring(0, ListQuery.MAX_SEARCH_LENGTH);

        assertThat(search(longest)).containsExactly(title);
        assertThat(search(longest.toUpperCase(java.util.Locale.ROOT))).containsExactly(title);
        assertThat(search("x".repeat(ListQuery.MAX_SEARCH_LENGTH))).isEmpty();
        for (int length : List.of(ListQuery.MAX_SEARCH_LENGTH + 1, 1_000, 1_001, 100_000)) {
            assertThatThrownBy(() -> search("Ночь".repeat(length / 4 + 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("q must be at most " + ListQuery.MAX_SEARCH_LENGTH + " characters");
        }
    }

    @Test
    void aTitleChangedByHandIsFoundByItsNewTitleOnly() {
        importTitles(List.of("Old Harbor", "Harbor Lights"));
        long id = movie("Old Harbor").movie().id();
        assertThat(search("old harbor")).containsExactly("Old Harbor");

        editing.changeMovie(EDITOR, id, Versioned.any(), MovieFields.NONE.withTitle(FieldEdit.set("Crème Lighthouse")));

        assertThat(search("old harbor")).isEmpty();
        assertThat(search("old")).isEmpty();
        assertThat(search("harbor")).containsExactly("Harbor Lights");
        assertThat(search("lighthouse")).containsExactly("Crème Lighthouse");
        assertThat(search("creme")).containsExactly("Crème Lighthouse");
        assertThat(total("harbor")).isEqualTo(1);

        // The next import brings the feed's title, which the hand edit locked: the new title stays searchable.
        importTitles(List.of("Old Harbor", "Harbor Lights"));
        assertThat(search("lighthouse")).containsExactly("Crème Lighthouse");
        assertThat(search("old harbor")).isEmpty();
    }

    @Test
    void anImportThatRenamesATitleMovesItInTheIndex() {
        store.ports().movies().upsertAll(List.of(Drafts.movie("1", "Before Sunrise")));
        store.ports().movies().upsertAll(List.of(Drafts.movie("1", "Before Sunset")));

        assertThat(search("sunrise")).isEmpty();
        assertThat(search("sunset")).containsExactly("Before Sunset");
        assertThat(total("before")).isEqualTo(1);
    }

    @Test
    void deletedTitlesAreNotFoundNorCounted() {
        importTitles(List.of("Copper Valley", "Valley Girl", "Silver Valley"));
        long copper = movie("Copper Valley").movie().id();
        Page<MovieTree> first = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, "valley", PageRequest.first(1)));
        assertThat(first.total()).isEqualTo(3);

        editing.deleteMovie(EDITOR, copper, Versioned.any());

        assertThat(search("copper")).isEmpty();
        assertThat(search("valley")).containsExactly("Valley Girl", "Silver Valley");
        assertThat(total("valley")).isEqualTo(2);
        assertThat(catalog.queries().listMovies(ListQuery.firstPage()).total()).isEqualTo(2);
        Page<MovieTree> next = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, "valley", new PageRequest(1, first.next())));
        assertThat(next.total()).as("a page after the delete counts without it").isEqualTo(2);
    }

    @Test
    void showsAreSearchedRenamedAndDeletedLikeMovies() {
        store.ports().shows().upsertAll(List.of(Drafts.show("s1", "Copper Chronicles", List.of()),
                Drafts.show("s2", "Chroniques d'Été", List.of()), Drafts.show("s3", "Silver", List.of())), List.of());
        assertThat(showTitles("chroni")).containsExactly("Copper Chronicles", "Chroniques d'Été");
        assertThat(showTitles("ETE")).containsExactly("Chroniques d'Été");
        long copper = shows().getFirst().show().id();

        editing.changeShow(EDITOR, copper, Versioned.any(), ShowFields.NONE.withTitle(FieldEdit.set("Golden Years")));
        assertThat(showTitles("chroni")).containsExactly("Chroniques d'Été");
        assertThat(showTitles("golden")).containsExactly("Golden Years");

        editing.deleteShow(EDITOR, copper, Versioned.any());
        assertThat(showTitles("golden")).isEmpty();
        Page<ShowTree> all = catalog.queries().listShows(ListQuery.firstPage());
        assertThat(all.total()).isEqualTo(2);
        assertThat(catalog.queries().listShows(new ListQuery(Sort.BY_ID, "il", PageRequest.first(1))).total()).isEqualTo(1);
    }

    @Test
    void searchResultsPageInTheListsOrderBothWaysWithTheirTotalOnEveryPage() {
        List<MovieDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String title = (i % 2 == 0 ? "Valley " : "Hill ") + (char) ('A' + (i * 7) % 26) + i;
            drafts.add(Drafts.movie("m" + i, title, i % 5 == 0 ? null : (i * 37 % 100) / 10.0, null, List.of()));
        }
        store.ports().movies().upsertAll(drafts);
        for (Sort sort : List.of(new Sort(SortField.TITLE, false), new Sort(SortField.IMDB_RATING, true), Sort.BY_ID)) {
            assertPagesBothWays(sort, "valley", 4, 30);
        }
        List<String> byTitle = titles(catalog.queries().listMovies(new ListQuery(new Sort(SortField.TITLE, false), "valley",
                PageRequest.first(500))));
        assertThat(byTitle).isSortedAccordingTo(Comparator.comparing(FeedKey::normaliseTitle));
    }

    @Test
    void aTotalCarriedFromPageToPageFollowsTheCatalog() {
        importTitles(IntStream.range(0, 10).mapToObj(i -> "Harbor " + i).toList());
        Sort sort = new Sort(SortField.TITLE, false);
        Page<MovieTree> first = catalog.queries().listMovies(new ListQuery(sort, "harbor", PageRequest.first(3)));
        Page<MovieTree> second = catalog.queries().listMovies(new ListQuery(sort, "harbor", new PageRequest(3, first.next())));
        assertThat(second.total()).isEqualTo(10);

        store.ports().movies().upsertAll(List.of(Drafts.movie("new", "Harbor Z")));
        Page<MovieTree> third = catalog.queries().listMovies(new ListQuery(sort, "harbor", new PageRequest(3, second.next())));
        assertThat(third.total()).as("a title added between pages").isEqualTo(11);

        editing.changeMovie(EDITOR, movie("Harbor 9").movie().id(), Versioned.any(),
                MovieFields.NONE.withTitle(FieldEdit.set("Anchor 9")));
        Page<MovieTree> fourth = catalog.queries().listMovies(new ListQuery(sort, "harbor", new PageRequest(3, third.next())));
        assertThat(fourth.total()).as("a title renamed away between pages").isEqualTo(10);
        assertThat(catalog.queries().listMovies(new ListQuery(sort, "anchor", new PageRequest(3, third.next()))).total())
                .as("another search's cursor carries no total for this one").isEqualTo(1);
        assertThat(catalog.queries().listMovies(new ListQuery(sort, null, new PageRequest(3, third.next()))).total())
                .as("nor for the whole list").isEqualTo(11);
        assertThat(catalog.queries().listMovies(new ListQuery(sort, "harbor", new PageRequest(3,
                third.next().withMemo("t999.x.0")))).total()).as("a memo that is not one").isEqualTo(10);
    }

    /** A popular search's first page, asked for again and again while the catalog changes under it. */
    @Test
    void aFirstPageAskedForAgainHasTheTotalOfTheCatalogAsItIsNow() {
        importTitles(IntStream.range(0, 5).mapToObj(i -> "Harbor " + i).toList());
        assertThat(total("harbor")).isEqualTo(5);
        assertThat(total("harbor")).as("asked again, nothing changed").isEqualTo(5);

        store.ports().movies().upsertAll(List.of(Drafts.movie("new", "Harbor Lights")));
        assertThat(total("harbor")).as("a title imported").isEqualTo(6);

        long lights = movie("Harbor Lights").movie().id();
        editing.changeMovie(EDITOR, lights, Versioned.any(), MovieFields.NONE.withTitle(FieldEdit.set("City Lights")));
        assertThat(total("harbor")).as("a title renamed away by hand").isEqualTo(5);
        editing.changeMovie(EDITOR, lights, Versioned.any(), MovieFields.NONE.withTitle(FieldEdit.set("Harbor Nights")));
        assertThat(total("harbor")).as("renamed back").isEqualTo(6);

        editing.deleteMovie(EDITOR, movie("Harbor 0").movie().id(), Versioned.any());
        assertThat(total("harbor")).as("a title deleted").isEqualTo(5);
        assertThat(total("nights")).isEqualTo(1);
        assertThat(showTitles("harbor")).as("the shows' list is another list").isEmpty();
    }

    @Test
    void theWholeListsTotalFollowsImportsAndDeletes() {
        importTitles(List.of("One", "Two", "Three"));
        assertThat(catalog.queries().listMovies(ListQuery.firstPage()).total()).isEqualTo(3);
        importTitles(List.of("One", "Two", "Three", "Four"));
        Page<MovieTree> first = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, null, PageRequest.first(1)));
        assertThat(first.total()).isEqualTo(4);

        editing.deleteMovie(EDITOR, movie("Two").movie().id(), Versioned.any());
        assertThat(catalog.queries().listMovies(new ListQuery(Sort.BY_ID, null, new PageRequest(1, first.next()))).total())
                .isEqualTo(3);
        assertThat(catalog.queries().listShows(ListQuery.firstPage()).total()).isZero();
    }

    /**
     * Titles for the count's cap: {@code cap - 1} "Alpha Beta Gamma n", one "Alpha Beta Solo" and one "Alpha
     * Lone", so "alpha beta gamma", "alpha beta" and "alpha" match cap - 1, cap and cap + 1 titles.
     */
    private void importAroundTheCountCap() {
        int cap = ListQuery.SEARCH_COUNT_CAP;
        List<MovieDraft> drafts = new ArrayList<>();
        for (int i = 0; i < cap - 1; i++) {
            drafts.add(Drafts.movie("g" + i, "Alpha Beta Gamma " + i));
        }
        drafts.add(Drafts.movie("solo", "Alpha Beta Solo"));
        drafts.add(Drafts.movie("lone", "Alpha Lone"));
        drafts.add(Drafts.movie("other", "Omega"));
        for (int from = 0; from < drafts.size(); from += 250) {
            store.ports().movies().upsertAll(drafts.subList(from, Math.min(drafts.size(), from + 250)));
        }
    }

    @Test
    void aSearchIsCountedUpToTheCapAndBeyondItHasNoTotal() {
        importAroundTheCountCap();
        int cap = ListQuery.SEARCH_COUNT_CAP;
        for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.TITLE, true), new Sort(SortField.IMDB_RATING, false))) {
            Page<MovieTree> below = catalog.queries().listMovies(new ListQuery(sort, "alpha beta gamma", PageRequest.first(3)));
            Page<MovieTree> at = catalog.queries().listMovies(new ListQuery(sort, "ALPHA béta", PageRequest.first(3)));
            Page<MovieTree> above = catalog.queries().listMovies(new ListQuery(sort, "alpha", PageRequest.first(3)));

            assertThat(below.counted()).isTrue();
            assertThat(below.total()).as("cap - 1 matches, %s", sort).isEqualTo(cap - 1);
            assertThat(at.counted()).isTrue();
            assertThat(at.total()).as("cap matches, %s", sort).isEqualTo(cap);
            assertThat(above.counted()).as("cap + 1 matches, %s", sort).isFalse();
            assertThat(above.total()).isEqualTo(Page.UNCOUNTED);
            assertThat(above.items()).hasSize(3);
            assertThat(above.next()).isNotNull();
        }
        for (String q : List.of("a", "al", "alp", "lph", "ph")) {
            Page<MovieTree> page = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, q, PageRequest.first(2)));
            assertThat(page.counted()).as("q=%s matches cap + 1 titles, of 1, 2 or 3 characters", q).isFalse();
            assertThat(page.items()).hasSize(2);
        }
        Page<MovieTree> one = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, "o", PageRequest.first(2)));
        assertThat(one.total()).as("a one-letter search below the cap is counted").isEqualTo(3);
        assertThat(catalog.queries().listMovies(ListQuery.firstPage()).total()).as("the whole list is never capped")
                .isEqualTo(cap + 2);
    }

    @Test
    void aSearchBeyondTheCapPagesThroughEveryMatchOnceInOrderBothWays() {
        importAroundTheCountCap();
        int cap = ListQuery.SEARCH_COUNT_CAP;
        for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.ID, true), new Sort(SortField.TITLE, false),
                new Sort(SortField.IMDB_RATING, true))) {
            for (String q : List.of("alpha", "al")) {
                List<Long> forward = new ArrayList<>();
                List<String> titles = new ArrayList<>();
                Page<MovieTree> page = catalog.queries().listMovies(new ListQuery(sort, q, PageRequest.first(97)));
                Page<MovieTree> last = page;
                int pages = 0;
                while (true) {
                    assertThat(page.counted()).as("no page of it is counted, %s q=%s", sort, q).isFalse();
                    page.items().forEach(m -> forward.add(m.movie().id()));
                    page.items().forEach(m -> titles.add(m.movie().title()));
                    last = page;
                    if (page.next() == null || ++pages > 100) {
                        break;
                    }
                    page = catalog.queries().listMovies(new ListQuery(sort, q, new PageRequest(97, page.next())));
                }
                assertThat(forward).as("every match once, %s q=%s", sort, q).hasSize(cap + 1).doesNotHaveDuplicates();
                assertThat(titles).allSatisfy(t -> assertThat(t).startsWith("Alpha"));
                if (sort.field() == SortField.ID) {
                    assertThat(forward).isSortedAccordingTo(sort.descending() ? Comparator.reverseOrder()
                            : Comparator.<Long>naturalOrder());
                }
                if (sort.field() == SortField.TITLE) {
                    assertThat(titles).isSortedAccordingTo(Comparator.comparing(FeedKey::normaliseTitle));
                }
                List<Long> backward = new ArrayList<>(last.items().stream().map(m -> m.movie().id()).toList());
                page = last;
                while (page.previous() != null) {
                    page = catalog.queries().listMovies(new ListQuery(sort, q, new PageRequest(97, page.previous())));
                    assertThat(page.counted()).isFalse();
                    backward.addAll(0, page.items().stream().map(m -> m.movie().id()).toList());
                }
                assertThat(backward).as("backwards, the same matches in the same order, %s q=%s", sort, q)
                        .containsExactlyElementsOf(forward);
            }
        }
    }

    @Test
    void aSearchThatFallsBelowTheCapBetweenPagesIsCountedAgain() {
        importAroundTheCountCap();
        Page<MovieTree> first = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, "alpha", PageRequest.first(5)));
        assertThat(first.counted()).isFalse();
        Page<MovieTree> second = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, "alpha", new PageRequest(5, first.next())));
        assertThat(second.counted()).as("the cursor carries 'not counted'").isFalse();

        for (String title : List.of("alpha lone", "alpha beta solo")) {
            long id = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, title, PageRequest.first(1))).items()
                    .getFirst().movie().id();
            editing.deleteMovie(EDITOR, id, Versioned.any());
        }

        Page<MovieTree> third = catalog.queries().listMovies(new ListQuery(Sort.BY_ID, "alpha", new PageRequest(5, second.next())));
        assertThat(third.total()).as("two deleted between pages: cap - 1, counted").isEqualTo(ListQuery.SEARCH_COUNT_CAP - 1);
    }

    @Test
    void searchesOfThreeCharactersAndLongerAreExactSubstrings() {
        importTitles(TITLES);

        for (String q : List.of("ame", "AMÉ", "éli", "ar ", "r f", "n: f", "100", "a c", "东京物", "ght 🎬", "nea", "(pa",
                "ear(mi", "r*w", "x'", "'x'", "\\sl", "\"ch", "s\"", "near(", "- a", "and not", "or ", "-ma",
                "%", "% w", "_c", "a_c", "title_search match 'x'")) {
            assertThat(search(q)).as("q=%s", q).containsExactlyElementsOf(byTheRule(TITLES, q));
        }
    }

    /**
     * Titles in which every trigram of "dridrimilubel" is common but "idr" and "lub" (its rarest), which also occur
     * apart, in titles that do not hold the word (a store that reads the titles holding its rarest trigrams must
     * check each for the whole text), and near misses that hold all but one of its trigrams.
     */
    public static List<String> commonTrigramTitles() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            titles.add("Dri Rid Rim Imi Mil Ilu Ube Bel " + i);
        }
        for (int i = 0; i < 6; i++) {
            titles.add("Idr Lub " + i);
        }
        titles.addAll(List.of("Dridrimilubel", "Return to Dridrimilubel", "Dridrimilube Returns",
                "Dridrimilubel: Quiet Harbor", "Dri-drimilubel", "Idrimilubel", "Lubidr Dri"));
        return titles;
    }

    @Test
    void aSearchOfCommonTrigramsFindsOnlyTheTitlesHoldingTheWholeText() {
        List<String> titles = commonTrigramTitles();
        importTitles(titles);

        assertThat(search("dridrimilubel")).containsExactly("Dridrimilubel", "Return to Dridrimilubel",
                "Dridrimilubel: Quiet Harbor");
        for (String q : List.of("dridrimilubel", "DRIDRIMILUBEL", "drimilubel", "idrimilu", "dri drimilubel",
                "dridrimilube", "idr lub", "lubidr", "rimilubel q", "dridrimilubelx", "dridrimilubel ii")) {
            assertThat(search(q)).as("q=%s", q).containsExactlyElementsOf(byTheRule(titles, q));
            assertThat(total(q)).as("q=%s counted", q).isEqualTo(byTheRule(titles, q).size());
        }
        for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.ID, true), new Sort(SortField.TITLE, false),
                new Sort(SortField.TITLE, true))) {
            assertPagesBothWays(sort, "drimilubel", 2, 5);
        }
    }

    /**
     * Pages of {@code pageSize} of the search {@code q} in {@code sort}, followed to the end through their next
     * cursors and back to the start through their previous ones: each page's total is {@code matches}; forwards,
     * every match once in the order of a single page holding them all; backwards, the same order.
     */
    private void assertPagesBothWays(Sort sort, String q, int pageSize, int matches) {
        List<Long> all = ids(catalog.queries().listMovies(new ListQuery(sort, q, PageRequest.first(500))));
        assertThat(all).hasSize(matches);
        List<Long> forward = new ArrayList<>();
        Page<MovieTree> page = catalog.queries().listMovies(new ListQuery(sort, q, PageRequest.first(pageSize)));
        Page<MovieTree> last = page;
        while (true) {
            assertThat(page.total()).as("every page's total, %s", sort).isEqualTo(matches);
            forward.addAll(ids(page));
            last = page;
            if (page.next() == null) {
                break;
            }
            page = catalog.queries().listMovies(new ListQuery(sort, q, new PageRequest(pageSize, page.next())));
        }
        assertThat(forward).as("every match once, in the list's order (%s)", sort).containsExactlyElementsOf(all);
        List<Long> backward = new ArrayList<>(ids(last));
        page = last;
        while (page.previous() != null) {
            page = catalog.queries().listMovies(new ListQuery(sort, q, new PageRequest(pageSize, page.previous())));
            assertThat(page.total()).as("every page's total backwards, %s", sort).isEqualTo(matches);
            backward.addAll(0, ids(page));
        }
        assertThat(backward).as("backwards, %s", sort).containsExactlyElementsOf(forward);
    }

    private static List<Long> ids(Page<MovieTree> page) {
        return page.items().stream().map(m -> m.movie().id()).toList();
    }

    private long total(String q) {
        return catalog.queries().listMovies(new ListQuery(Sort.BY_ID, q, PageRequest.first(1))).total();
    }

    private List<String> showTitles(String q) {
        return catalog.queries().listShows(new ListQuery(Sort.BY_ID, q, PageRequest.first(500))).items().stream()
                .map(s -> s.show().title()).toList();
    }
}
