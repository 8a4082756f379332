package io.freecast.catalog.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.examples.cli.CatalogCli;
import io.freecast.catalog.examples.testing.FeedGenerator;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The import benchmark's JVM side; {@code bench/import.sh} runs each mode in its own JVM:
 *
 * <pre>
 * generate DIR MOVIES SHOWS           write DIR/movies.json and DIR/shows.json (FreeCast format)
 * baseline DB MOVIES SHOWS RESULTS    plain JDBC batch inserts of the rows an import of those feeds creates
 * import DB MOVIES.json SHOWS.json RESULTS PREFIX
 *                                     import both feeds through the launcher (placeholders on), then again
 * report RESULTS                      print the table
 * </pre>
 */
public final class ImportBenchmark {

    private static final int BASELINE_BATCH = 1_000;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "baseline" -> baseline(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "import" -> importFeeds(args[1], args[2], args[3], Path.of(args[4]), args[5]);
            case "report" -> report(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void generate(Path dir, int movies, int shows) throws IOException {
        Files.createDirectories(dir);
        FeedGenerator.movies(dir.resolve("movies.json"), movies);
        FeedGenerator.shows(dir.resolve("shows.json"), shows);
        System.out.printf(Locale.ROOT, "generated %s: %d movies (%.1f MB), %d shows (%.1f MB)%n", dir, movies,
                Files.size(dir.resolve("movies.json")) / 1e6, shows, Files.size(dir.resolve("shows.json")) / 1e6);
    }

    // --- the import, through the launcher --------------------------------------------------------------------

    private static void importFeeds(String db, String movies, String shows, Path results, String prefix) throws Exception {
        HeapWatch heap = HeapWatch.start();
        // Like the baseline, start from a migrated schema: creating it is not part of an import.
        if (CatalogCli.execute("migrate", "--db", db) != 0) {
            throw new IllegalStateException("migrate failed");
        }
        Map<String, String> out = new LinkedHashMap<>();
        phase(out, heap, prefix + ".movies.fresh", "import-movies", db, movies);
        phase(out, heap, prefix + ".shows.fresh", "import-shows", db, shows);
        phase(out, heap, prefix + ".movies.again", "import-movies", db, movies);
        phase(out, heap, prefix + ".shows.again", "import-shows", db, shows);
        append(results, out);
    }

    private static void phase(Map<String, String> out, HeapWatch heap, String name, String command, String db, String feed)
            throws IOException {
        System.gc();
        heap.reset();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = command.equals("import-shows")
                    ? CatalogCli.execute(command, "--db", db, "--feed", feed, "--placeholders", "--json")
                    : CatalogCli.execute(command, "--db", db, "--feed", feed, "--json");
        } finally {
            System.setOut(stdout);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (processCpuNanos() - cpuStarted) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(name + " failed with exit " + exit + ": " + captured);
        }
        JsonNode report = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
        long read = report.at("/counts/read").asLong();
        // The task's own duration (what its report says): the import, without opening the database.
        double seconds = report.get("duration_ms").asLong() / 1000.0;
        out.put(name + ".seconds", String.format(Locale.ROOT, "%.3f", seconds));
        out.put(name + ".wallSeconds", String.format(Locale.ROOT, "%.3f", wall));
        out.put(name + ".cpuSeconds", String.format(Locale.ROOT, "%.3f", cpu));
        out.put(name + ".items", Long.toString(read));
        out.put(name + ".created", report.at("/counts/created").asText());
        out.put(name + ".unchanged", report.at("/counts/unchanged").asText());
        out.put(name + ".heapLiveMB", String.format(Locale.ROOT, "%.1f", heap.maxLiveAfterGc() / 1e6));
        out.put(name + ".heapPeakMB", String.format(Locale.ROOT, "%.1f", heap.peakUsed() / 1e6));
        System.out.printf(Locale.ROOT, "%-28s %8.2f s (command %.2f s, cpu %.2f s) %9.0f items/s  created %s unchanged %s  "
                + "live heap after GC <= %s MB, peak used %s MB%n", name, seconds, wall, cpu, read / seconds,
                out.get(name + ".created"), out.get(name + ".unchanged"), out.get(name + ".heapLiveMB"),
                out.get(name + ".heapPeakMB"));
    }

    // --- the baseline: plain JDBC ----------------------------------------------------------------------------

    /**
     * Inserts exactly the rows the import creates — movies with two sources each, shows with two seasons of
     * two episodes with one source each — with prepared-statement batches in one transaction, into a freshly
     * migrated schema. No parsing, no reading back: the floor for writing these rows.
     */
    private static void baseline(String db, int movies, int shows, Path results) throws Exception {
        String url = "jdbc:sqlite:" + db;
        try (JdbcCatalogStore store = JdbcCatalogStore.open(url)) {
            store.migrate();
        }
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            insertMovies(c, movies);
            c.commit();
        }
        double movieSeconds = (System.nanoTime() - started) / 1e9;
        double movieCpu = (processCpuNanos() - cpuStarted) / 1e9;
        started = System.nanoTime();
        cpuStarted = processCpuNanos();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            insertShows(c, shows);
            c.commit();
        }
        double showSeconds = (System.nanoTime() - started) / 1e9;
        double showCpu = (processCpuNanos() - cpuStarted) / 1e9;
        Map<String, String> out = new LinkedHashMap<>();
        out.put("baseline.movies.seconds", String.format(Locale.ROOT, "%.3f", movieSeconds));
        out.put("baseline.shows.seconds", String.format(Locale.ROOT, "%.3f", showSeconds));
        out.put("baseline.movies.cpuSeconds", String.format(Locale.ROOT, "%.3f", movieCpu));
        out.put("baseline.shows.cpuSeconds", String.format(Locale.ROOT, "%.3f", showCpu));
        append(results, out);
        System.out.printf(Locale.ROOT, "%-28s %8.2f s (cpu %.2f s) %9.0f items/s%n", "baseline.movies", movieSeconds,
                movieCpu, movies / movieSeconds);
        System.out.printf(Locale.ROOT, "%-28s %8.2f s (cpu %.2f s) %9.0f items/s%n", "baseline.shows", showSeconds,
                showCpu, shows / showSeconds);
    }

    private static void insertMovies(Connection c, int count) throws SQLException {
        String now = "2026-11-24 12:00:00";
        try (PreparedStatement movie = c.prepareStatement("INSERT INTO movie (id, feed_key, external_id, slug, title, "
                + "title_search, description, image, release_year, imdb_rating, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement source = c.prepareStatement("INSERT INTO source (movie_id, url, source_type, provider, "
                     + "is_active, consecutive_failures) VALUES (?, ?, 'direct', ?, TRUE, 0)")) {
            for (int i = 0; i < count; i++) {
                long id = i + 1;
                if (i % BASELINE_BATCH == 0) {
                    NewTitleBatch.open(c, "movie", id, Math.min(count, i + BASELINE_BATCH));
                }
                String title = FeedGenerator.movieTitle(i);
                movie.setLong(1, id);
                movie.setString(2, "id:" + (FeedGenerator.MOVIE_ID_BASE + i));
                movie.setString(3, Long.toString(FeedGenerator.MOVIE_ID_BASE + i));
                movie.setString(4, "generated-movie-" + i);
                movie.setString(5, title);
                movie.setString(6, FeedKey.normaliseTitle(title));
                movie.setString(7, FeedGenerator.movieDescription(i));
                movie.setString(8, "https://img.example.org/posters/movie-" + i + ".jpg");
                movie.setInt(9, FeedGenerator.movieYear(i));
                movie.setDouble(10, FeedGenerator.movieRating(i));
                movie.setString(11, now);
                movie.setString(12, now);
                movie.addBatch();
                String[] links = FeedGenerator.movieSources(i);
                String[] providers = {"Tubi", "Netflix"};
                for (int s = 0; s < links.length; s++) {
                    source.setLong(1, id);
                    source.setString(2, links[s]);
                    source.setString(3, providers[s]);
                    source.addBatch();
                }
                if ((i + 1) % BASELINE_BATCH == 0) {
                    movie.executeBatch();
                    NewTitleBatch.close(c, "movie");
                    source.executeBatch();
                }
            }
            movie.executeBatch();
            if (count % BASELINE_BATCH != 0) {
                NewTitleBatch.close(c, "movie");
            }
            source.executeBatch();
        }
    }

    private static void insertShows(Connection c, int count) throws SQLException {
        String now = "2026-11-24 12:00:00";
        try (PreparedStatement show = c.prepareStatement("INSERT INTO show (id, feed_key, external_id, slug, title, "
                + "title_search, description, image, release_date, imdb_rating, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement season = c.prepareStatement(
                     "INSERT INTO season (id, show_id, number, description) VALUES (?, ?, ?, ?)");
             PreparedStatement episode = c.prepareStatement(
                     "INSERT INTO episode (id, season_id, number, title) VALUES (?, ?, ?, ?)");
             PreparedStatement source = c.prepareStatement("INSERT INTO source (episode_id, url, source_type, provider, "
                     + "is_active, consecutive_failures) VALUES (?, ?, 'playlist', 'placeholder', TRUE, 0)")) {
            long seasonId = 0;
            long episodeId = 0;
            for (int i = 0; i < count; i++) {
                long id = i + 1;
                if (i % BASELINE_BATCH == 0) {
                    NewTitleBatch.open(c, "show", id, Math.min(count, i + BASELINE_BATCH));
                }
                String title = FeedGenerator.showTitle(i);
                show.setLong(1, id);
                show.setString(2, "id:" + (FeedGenerator.SHOW_ID_BASE + i));
                show.setString(3, Long.toString(FeedGenerator.SHOW_ID_BASE + i));
                show.setString(4, "generated-show-" + i);
                show.setString(5, title);
                show.setString(6, FeedKey.normaliseTitle(title));
                show.setString(7, FeedGenerator.showDescription(i));
                show.setString(8, "https://img.example.org/posters/show-" + i + ".jpg");
                show.setString(9, FeedGenerator.showFirstAired(i).toString());
                show.setDouble(10, FeedGenerator.showRating(i));
                show.setString(11, now);
                show.setString(12, now);
                show.addBatch();
                for (int s = 1; s <= 2; s++) {
                    season.setLong(1, ++seasonId);
                    season.setLong(2, id);
                    season.setInt(3, s);
                    season.setString(4, "Season " + s);
                    season.addBatch();
                    for (int e = 1; e <= 2; e++) {
                        episode.setLong(1, ++episodeId);
                        episode.setLong(2, seasonId);
                        episode.setInt(3, e);
                        episode.setString(4, "Episode " + e);
                        episode.addBatch();
                        source.setLong(1, episodeId);
                        source.setString(2, "https://example.com/placeholder/season-" + s + "/episode-" + e + ".m3u8");
                        source.addBatch();
                    }
                }
                if ((i + 1) % BASELINE_BATCH == 0) {
                    show.executeBatch();
                    NewTitleBatch.close(c, "show");
                    season.executeBatch();
                    episode.executeBatch();
                    source.executeBatch();
                }
            }
            show.executeBatch();
            if (count % BASELINE_BATCH != 0) {
                NewTitleBatch.close(c, "show");
            }
            season.executeBatch();
            episode.executeBatch();
            source.executeBatch();
        }
    }

    // --- the report -----------------------------------------------------------------------------------------

    private static void report(Path results) throws IOException {
        Properties r = new Properties();
        try (var in = Files.newInputStream(results)) {
            r.load(in);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %9s %11s %10s %10s %10s %14s%n", "run", "seconds", "items/s", "x baseline",
                "thread cpu", "x base cpu", "live heap MB");
        for (String kind : new String[] {"movies", "shows"}) {
            double base = Double.parseDouble(r.getProperty("baseline." + kind + ".seconds"));
            double baseCpu = Double.parseDouble(r.getProperty("baseline." + kind + ".cpuSeconds"));
            row("baseline (plain JDBC) " + kind, base, Double.parseDouble(r.getProperty("large." + kind + ".fresh.items")),
                    base, baseCpu, baseCpu, "");
            for (String size : new String[] {"large", "small"}) {
                for (String when : new String[] {"fresh", "again"}) {
                    String key = size + "." + kind + "." + when;
                    if (r.getProperty(key + ".seconds") == null) {
                        continue;
                    }
                    double seconds = Double.parseDouble(r.getProperty(key + ".seconds"));
                    double cpu = Double.parseDouble(r.getProperty(key + ".cpuSeconds"));
                    double items = Double.parseDouble(r.getProperty(key + ".items"));
                    boolean large = size.equals("large");
                    row("import " + key, seconds, items, large ? base : Double.NaN, cpu, large ? baseCpu : Double.NaN,
                            r.getProperty(key + ".heapLiveMB"));
                }
            }
        }
    }

    private static void row(String name, double seconds, double items, double base, double cpu, double baseCpu,
                            String heap) {
        String ratio = Double.isNaN(base) ? "" : String.format(Locale.ROOT, "%.2f", seconds / base);
        String cpuRatio = Double.isNaN(baseCpu) ? "" : String.format(Locale.ROOT, "%.2f", cpu / baseCpu);
        System.out.printf(Locale.ROOT, "%-34s %9.2f %11.0f %10s %10.2f %10s %14s%n", name, seconds, items / seconds, ratio,
                cpu, cpuRatio, heap);
    }

    /**
     * CPU time of the thread doing the work (the import runs on the caller's thread; so do the baseline's
     * inserts): unlike wall time it does not depend on what else the machine runs, and unlike process time
     * it leaves out the JIT compiler and GC threads, which work in parallel on another core.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void append(Path results, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(results, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The largest heap still in use right after a collection: the live set, which must not grow with the feed.
     * Eden is left out: a collection that evacuates it leaves it empty anyway, while G1's remark and cleanup
     * pauses (reported as collections too) leave it as full as they found it — counting it made a phase's
     * figure jump by whatever happened to be allocated since the last young collection.
     */
    static final class HeapWatch {
        private volatile long maxLiveAfterGc;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (isHeap(pool.getKey()) && !pool.getKey().contains("Eden")) {
                                used += pool.getValue().getUsed();
                            }
                        }
                        watch.maxLiveAfterGc = Math.max(watch.maxLiveAfterGc, used);
                    }
                }, null, null);
            }
            return watch;
        }

        void reset() {
            maxLiveAfterGc = 0;
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        long maxLiveAfterGc() {
            return maxLiveAfterGc;
        }

        long peakUsed() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        private static boolean isHeap(String poolName) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(poolName) && p.getType() == MemoryType.HEAP);
        }
    }

    /**
     * What the import does with a batch of new titles since migration V11, done by hand here so the baseline
     * stays the floor: the batch's ids open a range in {@code title_bulk_insert} (the insert trigger skips
     * them); closing it indexes and counts the range's rows, one statement each (V11's trigger).
     */
    private static final class NewTitleBatch {

        static void open(Connection c, String kind, long first, long last) throws SQLException {
            update(c, "UPDATE title_bulk_insert SET first_id = " + first + ", last_id = " + last
                    + " WHERE kind = '" + kind + "'");
        }

        static void close(Connection c, String kind) throws SQLException {
            update(c, "UPDATE title_bulk_insert SET first_id = NULL, last_id = NULL WHERE kind = '" + kind + "'");
        }

        private static void update(Connection c, String sql) throws SQLException {
            try (Statement statement = c.createStatement()) {
                statement.executeUpdate(sql);
            }
        }
    }
}
