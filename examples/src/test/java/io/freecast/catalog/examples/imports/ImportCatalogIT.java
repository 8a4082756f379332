package io.freecast.catalog.examples.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.examples.testing.CatalogTables;
import io.freecast.catalog.examples.testing.CuttingFeedServer;
import io.freecast.catalog.examples.testing.FeedGenerator;
import io.freecast.catalog.examples.testing.LoopbackFeedServer;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imports through the {@code Catalog} facade with the real feed reader and the real storage, on SQLite
 * files and on PostgreSQL (skipped without {@code CATALOG_TEST_POSTGRES_URL}).
 */
class ImportCatalogIT {

    @TempDir
    Path dir;

    private CatalogImportFixture fixture(TestDatabase.Kind kind) {
        return new CatalogImportFixture(TestDatabases.of(kind, dir));
    }

    // --- the sample feeds -----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importsTheBundledSampleFeedsWithPlaceholdersForShowsWithoutSeasons(TestDatabase.Kind kind) {
        try (CatalogImportFixture f = fixture(kind)) {
            TaskReport shows = f.importShows(CatalogImportFixture.SHOWS, true);
            TaskReport movies = f.importMovies(CatalogImportFixture.MOVIES);

            assertThat(shows.succeeded()).isTrue();
            assertThat(shows.counts()).containsExactly(entry("read", 8L), entry("created", 8L), entry("updated", 0L),
                    entry("unchanged", 0L), entry("rejected", 0L), entry("duplicates", 0L), entry("warnings", 0L),
                    entry("suppressed", 0L), entry("locked", 0L), entry("show_web_sources_not_stored", 3L));
            assertThat(shows.notes()).singleElement().asString().startsWith("3 web sources given for whole shows");
            assertThat(movies.counts()).containsExactly(entry("read", 10L), entry("created", 10L), entry("updated", 0L),
                    entry("unchanged", 0L), entry("rejected", 0L), entry("duplicates", 0L), entry("warnings", 0L),
                    entry("suppressed", 0L), entry("locked", 0L));
            assertThat(movies.rejections()).isEmpty();

            // 502: 2 seasons, 504 and 506: 1 each; the five shows without seasons get 2 placeholder seasons each.
            assertThat(CatalogTables.count(f.url(), "show")).isEqualTo(8);
            assertThat(CatalogTables.count(f.url(), "season")).isEqualTo(4 + 5 * 2);
            assertThat(CatalogTables.count(f.url(), "episode")).isEqualTo(10 + 5 * 4);
            assertThat(CatalogTables.count(f.url(), "movie")).isEqualTo(10);
            assertThat(CatalogTables.count(f.url(), "source")).isEqualTo(10 + 5 * 4 + 12);

            assertThat(query(f, "SELECT title, image, imdb_rating, release_year FROM movie WHERE feed_key = 'id:101'"))
                    .containsExactly("The Silent Harbor|https://img.example.org/posters/the-silent-harbor.jpg|7.4|2019");
            assertThat(query(f, "SELECT imdb_rating, release_date FROM show WHERE feed_key = 'id:503'"))
                    .containsExactly("null|null");
            assertThat(query(f, "SELECT so.url, so.source_type, so.provider FROM source so JOIN episode e ON e.id = so.episode_id "
                    + "JOIN season s ON s.id = e.season_id JOIN show sh ON sh.id = s.show_id "
                    + "WHERE sh.feed_key = 'id:501' ORDER BY s.number, e.number"))
                    .containsExactly(
                            "https://example.com/placeholder/season-1/episode-1.m3u8|playlist|placeholder",
                            "https://example.com/placeholder/season-1/episode-2.m3u8|playlist|placeholder",
                            "https://example.com/placeholder/season-2/episode-1.m3u8|playlist|placeholder",
                            "https://example.com/placeholder/season-2/episode-2.m3u8|playlist|placeholder");

            TaskRun run = f.catalog.lastRun(TaskName.IMPORT_MOVIES).orElseThrow();
            assertThat(run.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(run.counts()).containsEntry("created", 10L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void reimportingTheSameFeedsChangesNoRowNotEvenATimestamp(TestDatabase.Kind kind) {
        try (CatalogImportFixture f = fixture(kind)) {
            f.importShows(CatalogImportFixture.SHOWS, true);
            f.importMovies(CatalogImportFixture.MOVIES);
            List<String> before = CatalogTables.dump(f.url());

            TaskReport shows = f.importShows(CatalogImportFixture.SHOWS, true);
            TaskReport movies = f.importMovies(CatalogImportFixture.MOVIES);

            assertThat(CatalogTables.dump(f.url())).isEqualTo(before);
            assertThat(shows.counts()).contains(entry("unchanged", 8L), entry("created", 0L), entry("updated", 0L));
            assertThat(movies.counts()).contains(entry("unchanged", 10L), entry("created", 0L), entry("updated", 0L));
        }
    }

    @Test
    void placeholdersAreAddedOnlyWhenSwitchedOnAndOnlyToShowsWithoutSeasons() {
        try (CatalogImportFixture f = fixture(TestDatabase.Kind.SQLITE)) {
            assertThat(f.importShows(CatalogImportFixture.SHOWS, false).count("created")).isEqualTo(8);
            assertThat(CatalogTables.count(f.url(), "season")).isEqualTo(4);

            TaskReport withPlaceholders = f.importShows(CatalogImportFixture.SHOWS, true);
            assertThat(withPlaceholders.counts()).contains(entry("updated", 5L), entry("unchanged", 3L));
            assertThat(CatalogTables.count(f.url(), "season")).isEqualTo(4 + 10);
            assertThat(query(f, "SELECT s.number, s.description, e.number, e.title FROM season s JOIN episode e ON e.season_id = s.id "
                    + "JOIN show sh ON sh.id = s.show_id WHERE sh.feed_key = 'id:503' ORDER BY s.number, e.number"))
                    .containsExactly("1|Season 1|1|Episode 1", "1|Season 1|2|Episode 2", "2|Season 2|1|Episode 1",
                            "2|Season 2|2|Episode 2");

            assertThat(f.importShows(CatalogImportFixture.SHOWS, true).count("unchanged")).isEqualTo(8);
        }
    }

    // --- hostile feeds -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importsTheUsableItemsOfAHostileFeedRejectsTheRestAndReimportsWithoutChange(TestDatabase.Kind kind) throws IOException {
        String hugeDescription = "é".repeat(200_000);
        Path feed = Files.writeString(dir.resolve("hostile.json"), """
                [
                 {"id": 1, "name": "Amélie 🎬 — 天使", "description": "%s", "imdb_rating": "N/A", "release_year": "abc"},
                 "not an object",
                 {"id": 3},
                 {"id": 4, "name": "%s"},
                 {"id": 1, "name": "Duplicate of the first"},
                 {"id": 6, "name": "Hostile links", "image": "javascript:alert(1)", "modes": {"web_sources": {"free": [
                    {"name": "js", "link": "javascript:alert(1)"}, {"name": "file", "link": "file:///etc/passwd"},
                    {"name": "loop", "link": "http://127.0.0.1:5432/"}, {"name": "space", "link": "https://s.example.org/a b"},
                    {"name": "long", "link": "https://s.example.org/%s"}]}}},
                 {"id": 7, "name": "Nul\\u0000 and \\ud800 broken", "imdb_rating": -1, "release_year": 99999, "kinopoisk_rating": "12"},
                 {"id": {"wrong": "type"}, "slug": ["x"], "name": "Wrong id types", "seasons": "none", "modes": 5},
                 [1, 2, 3], null, 12.5
                ]""".formatted(hugeDescription, "t".repeat(600), "x".repeat(5000)), StandardCharsets.UTF_8);

        try (CatalogImportFixture f = fixture(kind)) {
            TaskReport report = f.importMovies(feed.toString());

            assertThat(report.succeeded()).isTrue();
            assertThat(report.counts()).containsExactly(entry("read", 11L), entry("created", 4L), entry("updated", 0L),
                    entry("unchanged", 0L), entry("rejected", 7L), entry("duplicates", 1L), entry("warnings", 5L),
                    entry("suppressed", 0L), entry("locked", 0L));
            String noTitle = "no usable title: 'name' (or 'title') must be a non-empty string";
            assertThat(report.rejections()).containsExactly(
                    new Rejection(1, null, "the item is a string, not a JSON object"),
                    new Rejection(2, "3", noTitle),
                    new Rejection(3, "4", "title is longer than 500 characters"),
                    new Rejection(4, "1", "duplicate of item 0 (both are id:1); the first occurrence is imported"),
                    new Rejection(8, null, "the item is an array, not a JSON object"),
                    new Rejection(9, null, "the item is null, not a JSON object"),
                    new Rejection(10, null, "the item is a number, not a JSON object"));
            assertThat(report.notes()).hasSize(5);
            assertThat(report.notes().subList(0, 4)).allSatisfy(note -> assertThat(note).startsWith("item 5 (id 6): "));
            assertThat(report.notes().get(4)).isEqualTo("item 7: modes.web_sources ignored: not an object");

            assertThat(query(f, "SELECT feed_key, title, imdb_rating, kinopoisk_rating, release_year, image FROM movie ORDER BY id"))
                    .containsExactly(
                            "id:1|Amélie 🎬 — 天使|null|null|null|null",
                            "id:6|Hostile links|null|null|null|null",
                            "id:7|Nul and \uFFFD broken|null|null|null|null",
                            "title:wrong id types|Wrong id types|null|null|null|null");
            assertThat(query(f, "SELECT description FROM movie WHERE feed_key = 'id:1'")).containsExactly(hugeDescription);
            assertThat(query(f, "SELECT url, provider FROM source ORDER BY url"))
                    .containsExactly("http://127.0.0.1:5432/|loop", "https://s.example.org/a%20b|space");

            List<String> before = CatalogTables.dump(f.url());
            TaskReport again = f.importMovies(feed.toString());
            assertThat(again.counts()).contains(entry("unchanged", 4L), entry("created", 0L), entry("updated", 0L),
                    entry("rejected", 7L));
            assertThat(CatalogTables.dump(f.url())).isEqualTo(before);
        }
    }

    @Test
    void theFirstOfSeveralItemsWithOneIdWinsAndTheOthersAreRejectedWithItsIndex() throws IOException {
        Path feed = Files.writeString(dir.resolve("dupes.json"), """
                [{"id": 5, "name": "First"}, {"slug": "s", "name": "Other"}, {"id": "5", "name": "Second"},
                 {"id": 5.0, "name": "Third"}, {"name": "Amélie"}, {"name": "AMELIE!"}]""");
        try (CatalogImportFixture f = fixture(TestDatabase.Kind.SQLITE)) {
            TaskReport report = f.importMovies(feed.toString());

            assertThat(report.counts()).contains(entry("created", 3L), entry("rejected", 3L), entry("duplicates", 3L));
            assertThat(report.rejections()).extracting(Rejection::index, Rejection::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(2L, "duplicate of item 0 (both are id:5); the first occurrence is imported"),
                    org.assertj.core.groups.Tuple.tuple(3L, "duplicate of item 0 (both are id:5); the first occurrence is imported"),
                    org.assertj.core.groups.Tuple.tuple(5L, "duplicate of item 4 (both are title:amelie); the first occurrence is imported"));
            assertThat(query(f, "SELECT title FROM movie ORDER BY id")).containsExactly("First", "Other", "Amélie");
        }
    }

    @Test
    void reportsProgressEveryBatchAndAtTheEnd() {
        Path feed = FeedGenerator.movies(dir.resolve("movies.json"), 1_200);
        List<Long> progress = new ArrayList<>();
        try (CatalogImportFixture f = fixture(TestDatabase.Kind.SQLITE)) {
            TaskReport report = f.catalog.importMovies(new ImportMoviesCommand(FeedLocation.parse(feed.toString()), progress::add));
            assertThat(report.count("created")).isEqualTo(1_200);
        }
        assertThat(progress).containsExactly(500L, 1_000L, 1_200L);
    }

    // --- unreadable feeds: the run fails and the catalog is exactly as before ---------------------------------

    static Stream<Arguments> unreadableFeeds() {
        return Stream.of(
                Arguments.of("truncated", (Function<Path, String>) dir -> truncatedFeed(dir), "the feed ends in the middle of its JSON: truncated (after "),
                Arguments.of("not JSON", file("hello, world"), "the feed is not valid JSON at line 1, column 1 (after 0 items): Unrecognized token 'hello'"),
                Arguments.of("HTML page", file("<!DOCTYPE html><html><body>Bad Gateway</body></html>"), "the feed is an HTML or XML page, not JSON"),
                Arguments.of("not an array", file("{\"movies\": [{\"id\": 1, \"name\": \"A\"}]}"), "the feed is a JSON object, not a JSON array"),
                Arguments.of("empty", file(""), "the feed is empty"),
                Arguments.of("missing file", (Function<Path, String>) dir -> dir.resolve("missing.json").toString(), "no such feed file: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFeeds")
    void anUnreadableFeedFailsTheRunAndLeavesTheCatalogTablesByteForByteUnchanged(String name, Function<Path, String> feed,
                                                                                 String reason) {
        try (CatalogImportFixture f = fixture(TestDatabase.Kind.SQLITE)) {
            assertFailsAndChangesNothing(f, feed.apply(dir), reason);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFeedCutAfterSeveralWrittenBatchesRollsBackAndARerunConvergesToACleanImport(TestDatabase.Kind kind) throws Exception {
        Path full = FeedGenerator.movies(dir.resolve("movies.json"), 1_600);
        byte[] bytes = Files.readAllBytes(full);
        try (CatalogImportFixture f = fixture(kind); CuttingFeedServer cut = new CuttingFeedServer(bytes, bytes.length * 9 / 10)) {
            f.importMovies(CatalogImportFixture.MOVIES);
            List<String> before = CatalogTables.dump(f.url());

            TaskReport failed = f.importMovies(cut.url());

            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.error()).startsWith("feed " + cut.url() + ": ").contains("(after ");
            assertThat(failed.count("read")).as("at least two batches were written, then rolled back").isGreaterThan(1_000);
            assertThat(CatalogTables.dump(f.url())).isEqualTo(before);

            assertThat(f.importMovies(full.toString()).count("created")).isEqualTo(1_600);
            try (CatalogImportFixture clean = fixture(kind)) {
                clean.importMovies(CatalogImportFixture.MOVIES);
                clean.importMovies(full.toString());
                assertThat(CatalogTables.content(f.url())).isEqualTo(CatalogTables.content(clean.url()));
            }
        }
    }

    @Test
    void anHttpErrorAnUnreachableServerAndATooLargeFeedChangeNothing() throws IOException {
        try (CatalogImportFixture f = fixture(TestDatabase.Kind.SQLITE);
             LoopbackFeedServer server = new LoopbackFeedServer()) {
            server.serve("/500", 500, "application/json", "{\"error\": \"internal\"}");
            assertFailsAndChangesNothing(f, server.url("/500"), "the feed server answered HTTP 500 instead of the feed");

            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            assertFailsAndChangesNothing(f, "http://127.0.0.1:" + closedPort + "/feed.json", "could not connect to the feed server");
        }
        Path big = FeedGenerator.movies(dir.resolve("big.json"), 2_000);
        try (CatalogImportFixture small = new CatalogImportFixture(TestDatabases.sqlite(dir), 64 * 1024)) {
            assertFailsAndChangesNothing(small, big.toString(), "the feed is larger than the limit of 64 KiB (after ");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static void assertFailsAndChangesNothing(CatalogImportFixture f, String feed, String reason) {
        f.importShows(CatalogImportFixture.SHOWS, true);
        f.importMovies(CatalogImportFixture.MOVIES);
        List<String> before = CatalogTables.dump(f.url());

        TaskReport report = f.importMovies(feed);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).startsWith("feed " + FeedLocation.parse(feed) + ": " + reason).doesNotContain("\n");
        assertThat(report.notes()).containsExactly("nothing was imported: the catalog is as it was before this run");
        assertThat(CatalogTables.dump(f.url())).isEqualTo(before);
        TaskRun run = f.catalog.lastRun(TaskName.IMPORT_MOVIES).orElseThrow();
        assertThat(run.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(run.error()).isEqualTo(report.error());
    }

    private static Function<Path, String> file(String content) {
        return dir -> {
            try {
                return Files.writeString(Files.createTempFile(dir, "feed", ".json"), content).toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** 1,500 generated movies cut at 90 %: several batches are written before the end is found missing. */
    private static String truncatedFeed(Path dir) {
        try {
            Path full = FeedGenerator.movies(dir.resolve("full.json"), 1_500);
            byte[] bytes = Files.readAllBytes(full);
            return Files.write(dir.resolve("truncated.json"), java.util.Arrays.copyOf(bytes, bytes.length * 9 / 10)).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> query(CatalogImportFixture f, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = f.db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
