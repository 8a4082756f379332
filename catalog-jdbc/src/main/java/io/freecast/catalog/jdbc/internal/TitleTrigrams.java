package io.freecast.catalog.jdbc.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * How common each trigram is among one list's titles, estimated from a sample of them, so that a search whose
 * trigrams are all common but which together are rare can ask the index for the titles holding its two rarest
 * trigrams (and check each for the whole text) instead of for the whole phrase: on SQLite FTS5 (a query of the two
 * trigrams), on PostgreSQL {@code pg_trgm}'s GIN index (two one-trigram {@code LIKE}s, see {@link #PG_TRGM_WORD}),
 * whose scan of a pattern likewise reads every one of its trigrams' posting lists to the end (the rare word's
 * phrase: 150 index pages, 2.7 ms per statement at 1,000,000 titles; its two rarest trigrams: 54 pages, 0.8 ms).
 *
 * <p>Why: FTS5 answers a phrase by reading the position lists of every one of its trigrams, to the end when the
 * phrase matches fewer titles than the statement's {@code LIMIT}. A made-up word of common syllables
 * ("dridrimilubel": 11 trigrams, of which {@code bel} in 52,296 and {@code dri} in 41,530 of 1,000,000 titles)
 * matched 3 titles in 3.5–9 ms per statement; the titles holding its two rarest trigrams ({@code lub}, 2,324;
 * {@code idr}, 4,501: 30 titles) are read and checked in 0.4 ms. When the rarest trigrams are about as common as
 * the rest ("night", "amelie"), the phrase is as cheap and needs no check of the title, so it stays.
 *
 * <p>The estimate is a plan's hint, never part of the answer: whatever it says, the titles found are those
 * whose {@code title_search} contains the search text (every title containing it holds each of its trigrams,
 * and each candidate is checked). So a sample may be old: it is taken again when the list's size has moved by
 * an eighth or its change counter by {@value #CHANGES_BEFORE_RESAMPLING} since it was taken — like a database's
 * statistics, not a copy of the index. Taking it reads up to {@value #SAMPLE} titles by primary key, spread evenly
 * over the list's ids (about 40 ms at 1,000,000 titles; every title of a smaller list); one request at a time
 * takes it, the others meanwhile use the previous sample (or, before the first, the phrase).
 */
final class TitleTrigrams {

    /** Titles read for a sample at most; a list with no more ids is read whole, and its estimates are exact. */
    static final int SAMPLE = 10_000;

    /**
     * A list smaller than this is always searched through the phrase, and never sampled: there every trigram's
     * list is short (the phrase of the rare word costs about 5 ms at 1,000,000 titles, so about 0.1 ms here),
     * and a search costs exactly its statements (the page, its children, its total).
     */
    static final long LARGE_LIST = 20_000;

    /** A sample is taken again after this many changes of the list (titles added, removed, renamed; batches). */
    static final long CHANGES_BEFORE_RESAMPLING = 1_000;

    /** In how many of {@code sampled} titles each trigram occurs, and the list's state when they were read. */
    private record Sample(Map<String, Integer> titles, int sampled, long listSize, long changes) {
    }

    private final DSLContext dsl;
    private final String table;
    private final long largeList;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile Sample sample;
    /** The list's size and change counter as the last page read them: what decides that a sample is old. */
    private volatile long seenSize = -1;
    private volatile long seenChanges = -1;

    /**
     * @param table     the list's table, {@code movie} or {@code show} (a constant, never a request's value)
     * @param largeList from how many titles a list is searched through its rarest trigrams when cheaper
     *                  ({@link #LARGE_LIST}; tests give smaller lists)
     */
    TitleTrigrams(DSLContext dsl, String table, long largeList) {
        this.dsl = dsl;
        this.table = table;
        this.largeList = largeList;
    }

    /** What a page read of the list's size and change counter, for deciding when to sample again. */
    void observe(long listSize, long changes) {
        seenSize = listSize;
        seenChanges = changes;
    }

    /**
     * The FTS5 query of the two rarest of the normalised search text's trigrams ({@code "abc" AND "xyz"}), when
     * reading the titles that hold both costs less than reading the phrase; {@code null} to read the phrase.
     */
    String rarestPair(String normalised) {
        return ftsQuery(rarestTrigrams(normalised, trigram -> true));
    }

    /**
     * The two rarest of the normalised search text's trigrams that {@code usable} accepts, rarest first, when
     * reading the titles that hold both costs less than reading every trigram of the text; {@code null} to read
     * the whole text. (PostgreSQL takes only trigrams of three ASCII letters or digits: the ones {@code pg_trgm}
     * indexes as they are, and that {@code LIKE '%abc%'} asks its index for alone — see {@link #PG_TRGM_WORD}.)
     */
    List<String> rarestTrigrams(String normalised, Predicate<String> usable) {
        List<String> trigrams = distinctTrigrams(normalised);
        if (trigrams.size() < 3) {
            return null;    // the pair would be every trigram of the text: nothing to leave out
        }
        if (seenSize < largeList) {
            return null;    // a small list, or none of its pages read yet (the store's first search)
        }
        Sample current = current();
        if (current == null || current.sampled() == 0) {
            return null;
        }
        return choosePair(trigrams, usable, t -> current.titles().getOrDefault(t, 0));
    }

    /**
     * A trigram {@code pg_trgm} indexes exactly as it is and extracts alone from {@code LIKE '%abc%'}: three
     * ASCII lower-case letters or digits ({@code title_search} is folded to lower case). Its words are runs of
     * letters and digits, so such a run of the text is inside one of the title's words, and the index's list for
     * it holds every title containing it; anything else (a space, punctuation a normalised text keeps, other
     * scripts, whose letters depend on the server's locale) is left to the whole text's pattern.
     */
    static final Predicate<String> PG_TRGM_WORD = trigram -> trigram.length() == 3 && trigram.chars()
            .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));

    /**
     * The choice itself, from a count per trigram (titles holding it, in a sample or in the list): the two
     * rarest, when reading both (and checking each title they share) costs less than reading every trigram of
     * the phrase. Both are read to the end for a text that matches few titles, and the phrase reads each of its
     * trigrams, so the costs compared are the sums of the counts; the pair's is doubled for its check of each
     * title and its two position-less lists read in full. Ties keep the phrase (no check of the title needed).
     */
    static String choose(List<String> trigrams, ToIntFunction<String> titles) {
        return ftsQuery(choosePair(trigrams, trigram -> true, titles));
    }

    /**
     * {@link #choose}'s rule over the trigrams {@code usable} accepts (the phrase still reads all of them): the
     * two rarest of those, rarest first, or {@code null} for the phrase.
     */
    static List<String> choosePair(List<String> trigrams, Predicate<String> usable, ToIntFunction<String> titles) {
        List<String> byRarity = new ArrayList<>(trigrams.stream().filter(usable).toList());
        if (byRarity.size() < 2) {
            return null;
        }
        byRarity.sort(Comparator.comparingInt(titles));     // stable: equally rare ones in the text's order
        long phrase = 0;
        for (String trigram : trigrams) {
            phrase += titles.applyAsInt(trigram);
        }
        long pair = 2L * (titles.applyAsInt(byRarity.get(0)) + titles.applyAsInt(byRarity.get(1)));
        if (pair >= phrase) {
            return null;
        }
        return List.of(byRarity.get(0), byRarity.get(1));
    }

    /** The FTS5 query of a pair of trigrams ({@code "abc" AND "xyz"}); {@code null} for none. */
    private static String ftsQuery(List<String> pair) {
        return pair == null ? null : quoted(pair.get(0)) + " AND " + quoted(pair.get(1));
    }

    /** A trigram as an FTS5 string: in double quotes, a {@code "} doubled, so no character of it is syntax. */
    private static String quoted(String trigram) {
        return "\"" + trigram.replace("\"", "\"\"") + "\"";
    }

    /** Every run of three code points of the text, once each, in the order they first occur. */
    static List<String> distinctTrigrams(String text) {
        int[] points = text.codePoints().toArray();
        Set<String> trigrams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= points.length; i++) {
            trigrams.add(new String(points, i, 3));
        }
        return List.copyOf(trigrams);
    }

    /** The sample to plan with: taken again first when it is old and no other request is taking it. */
    private Sample current() {
        Sample current = sample;
        if (old(current) && sampling.compareAndSet(false, true)) {
            try {
                current = take();
                sample = current;
            } finally {
                sampling.set(false);
            }
        }
        return current;
    }

    private boolean old(Sample current) {
        if (current == null) {
            return true;
        }
        long size = seenSize;
        long changes = seenChanges;
        return Math.abs(size - current.listSize()) * 8 > current.listSize()
                || changes - current.changes() >= CHANGES_BEFORE_RESAMPLING;
    }

    /**
     * Reads the sample: the list's size and change counter, its smallest and largest id, then the first title at
     * or after each of up to {@link #SAMPLE} ids spread evenly between them (every id when there are no more):
     * one primary-key search each, in one statement, so that no scan of the list is ever part of a search.
     */
    private Sample take() {
        Record state = dsl.fetchOne("select (select min(id) from " + table + "), (select max(id) from " + table + "),"
                + " total, changes from title_count where kind = ?", table);
        long listSize = state.get(2, Long.class);
        long changes = state.get(3, Long.class);
        List<String> titles = new ArrayList<>();
        if (state.get(0) != null) {
            long first = state.get(0, Long.class);
            long ids = state.get(1, Long.class) - first + 1;
            long points = Math.min(SAMPLE, ids);
            double step = ids / (double) points;
            Set<Long> seen = new HashSet<>();
            dsl.fetch("with recursive k(n) as (select 0 union all select n + 1 from k where n < ?)"
                            + " select t.id, t.title_search from k, " + table + " t where t.id = (select min(id) from "
                            + table + " where id >= ? + cast(k.n * ? as integer))", points - 1, first, step)
                    .forEach(r -> {
                        if (seen.add(r.get(0, Long.class))) {
                            titles.add(r.get(1, String.class));
                        }
                    });
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String title : titles) {
            for (String trigram : distinctTrigrams(title)) {
                counts.merge(trigram, 1, Integer::sum);
            }
        }
        return new Sample(Map.copyOf(counts), titles.size(), listSize, changes);
    }
}
