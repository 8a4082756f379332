package io.freecast.catalog.examples.bench;

import io.freecast.catalog.domain.FeedKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The title searches {@code bench/scale.sh} measures on the generated movies, and how many titles each matches,
 * counted as the API searches: the normalised query is a substring of the normalised title
 * ({@link FeedKey#normaliseTitle}, README "Title search and totals"). The script checks the API's
 * {@code X-Total-Count} against these counts, so a benchmark of a wrong answer cannot pass unnoticed.
 */
final class SearchTerms {

    /** Name → query, in the order the benchmark prints them. */
    private final Map<String, String> queries = new LinkedHashMap<>();
    private final Map<String, String> normalised = new LinkedHashMap<>();
    private final Map<String, Long> matches = new LinkedHashMap<>();

    private SearchTerms() {
    }

    /**
     * Common word (about one title in seven), rare word (the made-up word of the first title with one from the middle
     * of the feed on: one title, or very few), accented (an accented name, written with its accent), no match, and
     * two letters that match nothing (shorter than a trigram).
     */
    static SearchTerms forMovies(long seed, int movies) {
        SearchTerms terms = new SearchTerms();
        terms.add("common", GeneratedTitles.COMMON_WORD.toLowerCase(java.util.Locale.ROOT));
        terms.add("rare", rareWord(seed, movies).toLowerCase(java.util.Locale.ROOT));
        terms.add("accented", GeneratedTitles.ACCENTED_NAME.toLowerCase(java.util.Locale.ROOT));
        terms.add("nomatch", GeneratedTitles.ABSENT_WORD);
        terms.add("short", GeneratedTitles.ABSENT_PAIR);
        return terms;
    }

    private static String rareWord(long seed, int movies) {
        for (int i = movies / 2; i < movies; i++) {
            String word = LargeCatalogFeeds.movieTitle(seed, i).madeUpWord();
            if (word != null) {
                return word;
            }
        }
        for (int i = 0; i < movies / 2; i++) {
            String word = LargeCatalogFeeds.movieTitle(seed, i).madeUpWord();
            if (word != null) {
                return word;
            }
        }
        return "kalomirentor";  // a catalog too small to have made-up words: a query that matches nothing
    }

    private void add(String name, String query) {
        queries.put(name, query);
        normalised.put(name, FeedKey.normaliseTitle(query));
        matches.put(name, 0L);
    }

    void count(String title) {
        String text = FeedKey.normaliseTitle(title);
        normalised.forEach((name, query) -> {
            if (text.contains(query)) {
                matches.merge(name, 1L, Long::sum);
            }
        });
    }

    long matches(String name) {
        return matches.get(name);
    }

    String query(String name) {
        return queries.get(name);
    }

    /** {@code search.NAME=query}, {@code search.NAME.q=} its URL form and {@code search.NAME.matches=} its count. */
    void appendProperties(StringBuilder out) {
        queries.forEach((name, query) -> {
            out.append("search.").append(name).append('=').append(query).append('\n');
            out.append("search.").append(name).append(".q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8))
                    .append('\n');
            out.append("search.").append(name).append(".matches=").append(matches.get(name)).append('\n');
        });
    }
}
