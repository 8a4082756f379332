package io.freecast.catalog.testing;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small builders of drafts for storage tests: the shortest way to a realistic show or movie. */
public final class Drafts {

    private Drafts() {
    }

    public static MovieDraft movie(String id, String title) {
        return new MovieDraft(FeedKey.of(id, null, title), id, null, title, "About " + title, null, null, null, null,
                null, List.of(SourceDraft.of("https://cdn.example/movies/" + id + ".mp4", "Tubi")));
    }

    public static MovieDraft movie(String id, String title, Double imdb, LocalDate released, List<SourceDraft> sources) {
        return new MovieDraft(FeedKey.of(id, null, title), id, null, title, null, null, released,
                released == null ? null : released.getYear(), Rating.ofNullable(imdb), null, sources);
    }

    public static ShowDraft show(String id, String title, List<SeasonDraft> seasons) {
        return new ShowDraft(FeedKey.of(id, null, title), id, null, title, "About " + title, null, null, null, null,
                List.of(), seasons);
    }

    public static ShowDraft show(String id, String title, Double imdb, LocalDate released, List<SeasonDraft> seasons) {
        return new ShowDraft(FeedKey.of(id, null, title), id, null, title, null, null, released, Rating.ofNullable(imdb),
                null, List.of(), seasons);
    }

    /** {@code seasons} seasons of {@code episodes} episodes, each with one direct source. */
    public static List<SeasonDraft> seasons(String showId, int seasons, int episodes) {
        List<SeasonDraft> list = new ArrayList<>();
        for (int s = 1; s <= seasons; s++) {
            List<EpisodeDraft> eps = new ArrayList<>();
            for (int e = 1; e <= episodes; e++) {
                eps.add(episode(e, "https://cdn.example/shows/" + showId + "/s" + s + "e" + e + ".m3u8"));
            }
            list.add(new SeasonDraft(s, "Season " + s, eps));
        }
        return list;
    }

    public static EpisodeDraft episode(int number, String... urls) {
        List<SourceDraft> sources = new ArrayList<>();
        for (String url : urls) {
            sources.add(SourceDraft.of(url, "Provider"));
        }
        return new EpisodeDraft(number, "Episode " + number, null, null, sources);
    }

    /** The reference's placeholder hierarchy: 2 seasons × 2 episodes, one placeholder source each. */
    public static List<SeasonDraft> placeholders() {
        List<SeasonDraft> seasons = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            List<EpisodeDraft> episodes = new ArrayList<>();
            for (int e = 1; e <= 2; e++) {
                episodes.add(new EpisodeDraft(e, "Episode " + e, null, null,
                        List.of(new SourceDraft("https://placeholder.example/s" + s + "e" + e + ".mp4", SourceType.DIRECT,
                                null))));
            }
            seasons.add(new SeasonDraft(s, "Season " + s, episodes));
        }
        return seasons;
    }
}
