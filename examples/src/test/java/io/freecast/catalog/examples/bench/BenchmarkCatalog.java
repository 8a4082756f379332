package io.freecast.catalog.examples.bench;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark catalog of {@code bench/http.sh} through the real store: by default 5,000 movies
 * (two sources each) and 1,000 shows × 2 seasons × 2 episodes (one source each), deterministic.
 *
 * <pre>java -cp catalog.jar io.freecast.catalog.examples.bench.BenchmarkCatalog --db bench.db [--movies N] [--shows N]</pre>
 */
public final class BenchmarkCatalog {

    private static final int BATCH = 250;

    private BenchmarkCatalog() {
    }

    public static void main(String[] args) {
        String db = null;
        int movies = 5_000;
        int shows = 1_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> db = args[i + 1];
                case "--movies" -> movies = Integer.parseInt(args[i + 1]);
                case "--shows" -> shows = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (db == null) {
            System.err.println("usage: BenchmarkCatalog --db PATH|JDBC-URL [--movies N] [--shows N]");
            System.exit(2);
        }
        long started = System.nanoTime();
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db)) {
            for (int from = 0; from < movies; from += BATCH) {
                List<MovieDraft> batch = new ArrayList<>();
                for (int i = from; i < Math.min(movies, from + BATCH); i++) {
                    batch.add(movie(i));
                }
                store.ports().transactions().inTransaction(() -> store.ports().movies().upsertAll(batch));
            }
            for (int from = 0; from < shows; from += BATCH) {
                List<ShowDraft> batch = new ArrayList<>();
                for (int i = from; i < Math.min(shows, from + BATCH); i++) {
                    batch.add(show(i));
                }
                store.ports().transactions().inTransaction(() -> store.ports().shows().upsertAll(batch, List.of()));
            }
            System.out.printf("%d movies and %d shows written to %s in %d ms%n", movies, shows, store.description(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    static MovieDraft movie(int i) {
        String title = "Movie " + i + " " + WORDS[i % WORDS.length];
        LocalDate date = LocalDate.of(1950 + i % 75, 1 + i % 12, 1 + i % 28);
        return new MovieDraft(FeedKey.of("bench-m" + i, null, null), "bench-m" + i, "movie-" + i, title,
                "A benchmark movie about " + WORDS[(i * 7) % WORDS.length] + ", number " + i + ".",
                "https://img.example.com/movies/" + i + ".jpg", date, date.getYear(), rating(i), rating(i * 3),
                List.of(SourceDraft.of("https://stream.example.com/movies/" + i + "/master.m3u8", "Tubi"),
                        SourceDraft.of("https://cdn.example.com/movies/" + i + ".mp4", "Pluto")));
    }

    static ShowDraft show(int i) {
        List<SeasonDraft> seasons = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            List<EpisodeDraft> episodes = new ArrayList<>();
            for (int e = 1; e <= 2; e++) {
                episodes.add(new EpisodeDraft(e, "Episode " + e, "Season " + s + ", episode " + e + ".",
                        LocalDate.of(2000 + i % 25, s * 3, e * 7),
                        List.of(SourceDraft.of("https://stream.example.com/shows/" + i + "/" + s + "/" + e + ".m3u8",
                                "Tubi"))));
            }
            seasons.add(new SeasonDraft(s, "Season " + s, episodes));
        }
        return new ShowDraft(FeedKey.of("bench-s" + i, null, null), "bench-s" + i, "show-" + i,
                "Show " + i + " " + WORDS[i % WORDS.length], "A benchmark show, number " + i + ".",
                "https://img.example.com/shows/" + i + ".jpg", LocalDate.of(1990 + i % 30, 1 + i % 12, 1),
                rating(i), rating(i * 5), List.of(), seasons);
    }

    private static Rating rating(int i) {
        return i % 10 == 0 ? null : Rating.of(1.0 + (i % 90) / 10.0);
    }

    private static final String[] WORDS = {"river", "night", "storm", "harbor", "delta", "mirror", "quiet", "valley"};
}
