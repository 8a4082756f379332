package io.freecast.catalog.jdbc.bench;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * The storage side of the import benchmark: {@code upsertAll} against plain JDBC batch inserts of the same
 * rows into the same schema, on a fresh database each, side by side in one run. Prints times and ratios.
 *
 * <p>Usage: {@code UpsertBenchmark sqlite|postgresql [movies] [shows]} (defaults 100000 and 20000; shows
 * get the placeholder hierarchy, 4 episodes each, as the reference import does). Not a test: run it
 * through {@code bench/storage-upsert.sh}.
 */
public final class UpsertBenchmark {

    private static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "sqlite";
        int movieCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int showCount = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        List<MovieDraft> movies = movies(movieCount);
        List<ShowDraft> shows = shows(showCount);
        Path dir = Files.createTempDirectory("catalog-bench");

        // Warm both paths up on a small data set first, so neither pays the JIT for the other.
        run(kind, dir, movies.subList(0, Math.min(2000, movieCount)), shows.subList(0, Math.min(500, showCount)), false);
        run(kind, dir, movies, shows, true);
    }

    private static void run(String kind, Path dir, List<MovieDraft> movies, List<ShowDraft> shows, boolean print)
            throws Exception {
        double baseline;
        try (TestDatabase db = database(kind, dir)) {
            db.open().close(); // the schema
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                baseline = seconds(() -> {
                    plainMovies(c, movies);
                    plainShows(c, shows);
                    commit(c);
                });
            }
        }
        double first;
        double again;
        try (TestDatabase db = database(kind, dir)) {
            JdbcCatalogStore store = db.open();
            first = seconds(() -> importAll(store, movies, shows));
            again = seconds(() -> importAll(store, movies, shows));
        }
        if (print) {
            System.out.printf("%s: %,d movies + %,d shows (%,d episodes)%n", kind, movies.size(), shows.size(), shows.size() * 4);
            System.out.printf("  plain JDBC batch inserts   %7.2f s%n", baseline);
            System.out.printf("  upsertAll, first import    %7.2f s   %.2fx baseline%n", first, first / baseline);
            System.out.printf("  upsertAll, same feed again %7.2f s   %.2fx baseline, %.2fx first import%n", again,
                    again / baseline, again / first);
        }
    }

    private static TestDatabase database(String kind, Path dir) {
        return kind.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres();
    }

    /** What an import does: batches of a few hundred, all in one transaction. */
    private static void importAll(JdbcCatalogStore store, List<MovieDraft> movies, List<ShowDraft> shows) {
        store.ports().transactions().inTransaction(() -> {
            for (int i = 0; i < movies.size(); i += BATCH) {
                store.ports().movies().upsertAll(movies.subList(i, Math.min(movies.size(), i + BATCH)));
            }
            return null;
        });
        List<SeasonDraft> placeholders = Drafts.placeholders();
        store.ports().transactions().inTransaction(() -> {
            for (int i = 0; i < shows.size(); i += BATCH) {
                store.ports().shows().upsertAll(shows.subList(i, Math.min(shows.size(), i + BATCH)), placeholders);
            }
            return null;
        });
    }

    // ---- the baseline: the same rows with hand-written JDBC batches ----

    private static void plainMovies(Connection c, List<MovieDraft> movies) {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement movie = c.prepareStatement("INSERT INTO movie (feed_key, external_id, slug, title,"
                + " title_search, description, image, release_date, release_year, imdb_rating, kinopoisk_rating,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement source = c.prepareStatement("INSERT INTO source (movie_id, url, source_type, provider,"
                     + " is_active, consecutive_failures) VALUES (?, ?, ?, ?, TRUE, 0)")) {
            for (int start = 0; start < movies.size(); start += BATCH) {
                List<MovieDraft> batch = movies.subList(start, Math.min(movies.size(), start + BATCH));
                for (MovieDraft d : batch) {
                    movie.setString(1, d.key().value());
                    movie.setString(2, d.externalId());
                    movie.setString(3, d.slug());
                    movie.setString(4, d.title());
                    movie.setString(5, FeedKey.normaliseTitle(d.title()));
                    movie.setString(6, d.description());
                    movie.setString(7, d.image());
                    date(movie, 8, d.releaseDate());
                    movie.setObject(9, d.releaseYear());
                    movie.setObject(10, d.imdbRating() == null ? null : d.imdbRating().value());
                    movie.setObject(11, null);
                    timestamp(movie, 12, now);
                    timestamp(movie, 13, now);
                    movie.addBatch();
                }
                movie.executeBatch();
                Map<String, Long> ids = ids(c, "movie", batch.stream().map(d -> d.key().value()).toList());
                for (MovieDraft d : batch) {
                    for (SourceDraft s : d.sources()) {
                        source.setLong(1, ids.get(d.key().value()));
                        source.setString(2, s.url());
                        source.setString(3, s.type().wireName());
                        source.setString(4, s.provider());
                        source.addBatch();
                    }
                }
                source.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void plainShows(Connection c, List<ShowDraft> shows) {
        Timestamp now = Timestamp.from(Instant.now());
        List<SeasonDraft> placeholders = Drafts.placeholders();
        try (PreparedStatement show = c.prepareStatement("INSERT INTO show (feed_key, external_id, slug, title,"
                + " title_search, description, image, release_date, imdb_rating, kinopoisk_rating, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement season = c.prepareStatement("INSERT INTO season (show_id, number, description) VALUES (?, ?, ?)");
             PreparedStatement episode = c.prepareStatement("INSERT INTO episode (season_id, number, title, description,"
                     + " release_date) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement source = c.prepareStatement("INSERT INTO source (episode_id, url, source_type, provider,"
                     + " is_active, consecutive_failures) VALUES (?, ?, ?, ?, TRUE, 0)")) {
            for (int start = 0; start < shows.size(); start += BATCH) {
                List<ShowDraft> batch = shows.subList(start, Math.min(shows.size(), start + BATCH));
                for (ShowDraft d : batch) {
                    show.setString(1, d.key().value());
                    show.setString(2, d.externalId());
                    show.setString(3, d.slug());
                    show.setString(4, d.title());
                    show.setString(5, FeedKey.normaliseTitle(d.title()));
                    show.setString(6, d.description());
                    show.setString(7, d.image());
                    date(show, 8, d.releaseDate());
                    show.setObject(9, d.imdbRating() == null ? null : d.imdbRating().value());
                    show.setObject(10, null);
                    timestamp(show, 11, now);
                    timestamp(show, 12, now);
                    show.addBatch();
                }
                show.executeBatch();
                Map<String, Long> showIds = ids(c, "show", batch.stream().map(d -> d.key().value()).toList());
                for (long showId : showIds.values()) {
                    for (SeasonDraft s : placeholders) {
                        season.setLong(1, showId);
                        season.setInt(2, s.number());
                        season.setString(3, s.description());
                        season.addBatch();
                    }
                }
                season.executeBatch();
                Map<String, Long> seasonIds = childIds(c, "season", "show_id", showIds.values());
                for (SeasonDraft s : placeholders) {
                    for (long showId : showIds.values()) {
                        long seasonId = seasonIds.get(showId + ":" + s.number());
                        for (var e : s.episodes()) {
                            episode.setLong(1, seasonId);
                            episode.setInt(2, e.number());
                            episode.setString(3, e.title());
                            episode.setString(4, e.description());
                            date(episode, 5, null);
                            episode.addBatch();
                        }
                    }
                }
                episode.executeBatch();
                Map<String, Long> episodeIds = childIds(c, "episode", "season_id", seasonIds.values());
                for (SeasonDraft s : placeholders) {
                    for (long showId : showIds.values()) {
                        long seasonId = seasonIds.get(showId + ":" + s.number());
                        for (var e : s.episodes()) {
                            for (SourceDraft src : e.sources()) {
                                source.setLong(1, episodeIds.get(seasonId + ":" + e.number()));
                                source.setString(2, src.url());
                                source.setString(3, src.type().wireName());
                                source.setString(4, src.provider());
                                source.addBatch();
                            }
                        }
                    }
                }
                source.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dates and times as each database keeps them: SQLite as ISO text (like jOOQ writes them), PostgreSQL typed. */
    private static void date(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (isSqlite(statement)) {
            statement.setString(index, date == null ? null : date.toString());
        } else {
            statement.setObject(index, date, java.sql.Types.DATE);
        }
    }

    private static void timestamp(PreparedStatement statement, int index, Timestamp time) throws SQLException {
        if (isSqlite(statement)) {
            statement.setString(index, time.toLocalDateTime().toString().replace('T', ' '));
        } else {
            statement.setTimestamp(index, time);
        }
    }

    private static boolean isSqlite(PreparedStatement statement) throws SQLException {
        return statement.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("sqlite");
    }

    private static Map<String, Long> ids(Connection c, String table, List<String> keys) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, feed_key FROM " + table + " WHERE feed_key IN ("
                + marks + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, Long> childIds(Connection c, String table, String parent, java.util.Collection<Long> parents)
            throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(parents.size(), "?"));
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, " + parent + ", number FROM " + table + " WHERE "
                + parent + " IN (" + marks + ")")) {
            int i = 1;
            for (long p : parents) {
                select.setLong(i++, p);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getLong(2) + ":" + rs.getInt(3), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    // ---- a feed's worth of drafts ----

    private static List<MovieDraft> movies(int count) {
        List<MovieDraft> movies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title = "Movie number " + i + (i % 3 == 0 ? " — Édition spéciale" : "");
            movies.add(new MovieDraft(FeedKey.of(Integer.toString(i), null, title), Integer.toString(i), "movie-" + i,
                    title, "A film about the number " + i, "https://img.example/" + i + ".jpg",
                    LocalDate.of(1950 + i % 70, 1 + i % 12, 1 + i % 28), 1950 + i % 70,
                    i % 4 == 0 ? null : Rating.of(1 + i % 9), null,
                    List.of(SourceDraft.of("https://cdn.example/movies/" + i + ".m3u8", "Netflix"))));
        }
        return movies;
    }

    private static List<ShowDraft> shows(int count) {
        List<ShowDraft> shows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title = "Show number " + i;
            shows.add(new ShowDraft(FeedKey.of("s" + i, null, title), "s" + i, "show-" + i, title, "A show " + i,
                    "https://img.example/s" + i + ".jpg", LocalDate.of(1990 + i % 30, 1, 1),
                    i % 5 == 0 ? null : Rating.of(2 + i % 7), null, List.of(), List.of()));
        }
        return shows;
    }

    private UpsertBenchmark() {
    }

}
