package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic catalog for the HTTP tests, written through the storage ports (the way an import would):
 * hundreds of movies and shows with every kind of value the API must render — unknown ratings and dates,
 * accented and duplicate titles, playlists, shows without seasons, dead sources.
 */
final class CatalogSeed {

    /** Titles that exercise search and title order: accents, case, punctuation, duplicates. */
    private static final String[] WORDS = {"Copper", "Valley", "Amélie", "river", "Night", "ÉCLAIR", "Zebra",
            "apple", "Storm", "o'Brien", "Quiet", "harbor", "Delta", "émile", "Mirror", "kilo"};

    static final String KNOWN_MOVIE_TITLE = "Amélie of the Copper Valley";
    static final String KNOWN_SHOW_TITLE = "The Copper Valley Chronicles";
    static final Instant CHECKED_AT = Instant.parse("2026-11-20T06:00:00Z");

    final int movies;
    final int shows;

    private CatalogSeed(int movies, int shows) {
        this.movies = movies;
        this.shows = shows;
    }

    /** The default test catalog: enough items to page through hundreds. */
    static CatalogSeed standard() {
        return new CatalogSeed(260, 140);
    }

    static CatalogSeed of(int movies, int shows) {
        return new CatalogSeed(movies, shows);
    }

    /** Writes the catalog and turns every fifth source off as a link check would. */
    void writeTo(StoragePorts storage) {
        storage.transactions().inTransaction(() -> {
            storage.movies().upsertAll(movieDrafts());
            storage.shows().upsertAll(showDrafts(), List.of());
            return null;
        });
        List<SourceCheck> deaths = new ArrayList<>();
        long after = 0;
        List<Source> batch;
        while (!(batch = storage.sources().listAfter(after, 500)).isEmpty()) {
            for (Source source : batch) {
                if (source.id() % 5 == 0) {
                    deaths.add(new SourceCheck(source.id(), false, new LinkState(CHECKED_AT, 404, 0, "404 Not Found")));
                } else if (source.id() % 5 == 1) {
                    deaths.add(new SourceCheck(source.id(), true, new LinkState(CHECKED_AT, 200, 0, null)));
                }
            }
            after = batch.getLast().id();
        }
        storage.sources().saveChecks(deaths);
    }

    List<MovieDraft> movieDrafts() {
        List<MovieDraft> drafts = new ArrayList<>();
        drafts.add(new MovieDraft(FeedKey.of("m-known", null, null), "m-known", "amelie", KNOWN_MOVIE_TITLE,
                "A known movie.", "https://img.example.com/amelie.jpg", LocalDate.of(2001, 4, 25), 2001,
                Rating.of(8.3), Rating.of(7.9), List.of(
                        new SourceDraft("https://cdn.example.com/amelie/master.m3u8", SourceType.PLAYLIST, "Tubi"),
                        new SourceDraft("https://cdn.example.com/amelie/film.mp4", SourceType.DIRECT, "Netflix"))));
        for (int i = 1; i < movies; i++) {
            String title = title(i);
            LocalDate date = i % 9 == 0 ? null : LocalDate.of(1950 + i % 70, 1 + i % 12, 1 + i % 28);
            drafts.add(new MovieDraft(FeedKey.of("m" + i, null, null), "m" + i, null, title, i % 4 == 0 ? null : "About " + title,
                    i % 3 == 0 ? null : "https://img.example.com/m" + i + ".jpg", date,
                    date == null ? null : date.getYear(), rating(i, 7), rating(i, 11), sources("m" + i, i % 4)));
        }
        return drafts;
    }

    List<ShowDraft> showDrafts() {
        List<ShowDraft> drafts = new ArrayList<>();
        drafts.add(new ShowDraft(FeedKey.of("s-known", null, null), "s-known", "copper-valley", KNOWN_SHOW_TITLE,
                "A known show.", "https://img.example.com/copper.jpg", LocalDate.of(2019, 9, 1), Rating.of(8.8), null,
                List.of(), List.of(
                        new SeasonDraft(1, "The first season.", List.of(
                                new EpisodeDraft(1, "Pilot", "It begins.", LocalDate.of(2019, 9, 1),
                                        sources("s-known-1-1", 2)),
                                new EpisodeDraft(2, "Second", null, null, sources("s-known-1-2", 1)))),
                        new SeasonDraft(2, null, List.of(
                                new EpisodeDraft(1, "Return", "Back again.", LocalDate.of(2020, 9, 1),
                                        sources("s-known-2-1", 3)))))));
        for (int i = 1; i < shows; i++) {
            String title = title(i + 7);
            List<SeasonDraft> seasons = new ArrayList<>();
            for (int s = 1; s <= i % 4; s++) {
                List<EpisodeDraft> episodes = new ArrayList<>();
                for (int e = 1; e <= 1 + (i * s) % 5; e++) {
                    episodes.add(new EpisodeDraft(e, "Episode " + s + "x" + e, e % 2 == 0 ? null : "Plot " + e,
                            e % 3 == 0 ? null : LocalDate.of(2000 + i % 20, s, e), sources("s" + i + "-" + s + "-" + e, 1 + e % 2)));
                }
                seasons.add(new SeasonDraft(s, s % 2 == 0 ? null : "Season " + s, episodes));
            }
            LocalDate date = i % 8 == 0 ? null : LocalDate.of(1990 + i % 30, 1 + i % 12, 1 + i % 27);
            drafts.add(new ShowDraft(FeedKey.of("s" + i, null, null), "s" + i, null, title, "About " + title,
                    "https://img.example.com/s" + i + ".jpg", date, rating(i, 5), rating(i, 6), List.of(), seasons));
        }
        return drafts;
    }

    /** Two or three words, so titles repeat ("Copper Valley" twice) and sort by more than their first letter. */
    private static String title(int i) {
        String title = WORDS[i % WORDS.length] + " " + WORDS[(i / WORDS.length + 3) % WORDS.length];
        return i % 5 == 0 ? title : title + " " + (i % 13);
    }

    /** Every {@code unknownEvery}-th rating is unknown; the rest spread over 1.0–9.9 with repeats. */
    private static Rating rating(int i, int unknownEvery) {
        return i % unknownEvery == 0 ? null : Rating.of(1.0 + (i * 37 % 90) / 10.0);
    }

    private static List<SourceDraft> sources(String key, int count) {
        List<SourceDraft> sources = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            sources.add(n % 2 == 0
                    ? new SourceDraft("https://cdn.example.com/" + key + "/" + n + ".mp4", SourceType.DIRECT, "Provider " + n)
                    : new SourceDraft("https://cdn.example.com/" + key + "/" + n + ".m3u8", SourceType.PLAYLIST, null));
        }
        return sources;
    }
}
