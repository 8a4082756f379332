package io.freecast.catalog.http.admin;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.http.client.HttpLinkChecker;
import io.freecast.catalog.http.client.JsonFeedReader;
import io.freecast.catalog.http.client.LinkCheckSettings;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.http.server.CatalogHttpServer;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A real catalog server with the admin mounted, over a real SQLite file filled by a real import of a
 * feed whose titles are hostile (markup, script, quotes), so every page shows them.
 */
final class AdminServer implements AutoCloseable {

    static final String SCRIPT_TITLE = "<script>alert('xss')</script> Night Train";
    static final String IMG_TITLE = "\"><img src=x onerror=alert(1)> Quiet Harbor";
    static final String PLAIN_TITLE = "The Silent Harbor";
    static final String SHOW_TITLE = "<b>Bold</b> & Sons";

    final TestDatabase database;
    final JdbcCatalogStore store;
    final Catalog catalog;
    final TestAccounts accounts = new TestAccounts();
    final CatalogAdmin admin;
    final CatalogHttpServer server;
    /** The link checker's client: private targets allowed, so a test's loopback server can be a source's target. */
    private final OutboundHttp linkHttp = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));

    AdminServer(Path dir, UnaryOperator<CatalogAdmin.Builder> settings) {
        this(dir, hostileMovies(dir), hostileShows(dir), false, true, settings);
    }

    /** Over the launcher's bundled sample feeds (placeholders on, as serve has them): what the README shows. */
    static AdminServer withSampleFeeds(Path dir, UnaryOperator<CatalogAdmin.Builder> settings) {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("examples")) ? here : here.getParent();
        Path feeds = root.resolve("examples/src/main/resources/feeds");
        return new AdminServer(dir, feeds.resolve("movies.json"), feeds.resolve("shows.json"), true, false, settings);
    }

    private static Path hostileMovies(Path dir) {
        return write(dir.resolve("movies.json"), """
                [
                  {"id": 1, "name": "%s", "imdb_rating": 7.4, "release_year": 2019, "description": "<i>desc</i>",
                   "modes": {"web_sources": {"free": [{"name": "<b>Tubi</b>", "link": "https://cdn.example.com/1.m3u8"},
                                                       {"name": "Vimeo", "link": "https://cdn.example.com/1b.mp4"}]}}},
                  {"id": 2, "name": "%s", "modes": {"web_sources": {"free": [{"name": "x", "link": "https://cdn.example.com/2.mp4"}]}}},
                  {"id": 3, "name": "%s", "imdb_rating": 6.1, "modes": {"web_sources": {"free": [{"name": "y", "link": "https://cdn.example.com/3.mp4"}]}}},
                  {"id": 4}
                ]
                """.formatted(json(SCRIPT_TITLE), json(IMG_TITLE), PLAIN_TITLE));
    }

    private static Path hostileShows(Path dir) {
        return write(dir.resolve("shows.json"), """
                [ {"id": 10, "name": "%s", "seasons": [ {"number": 1, "episodes": [
                     {"number": 1, "title": "<svg onload=alert(1)>", "sources": [{"link": "https://cdn.example.com/s1e1.m3u8"}]} ]} ]} ]
                """.formatted(json(SHOW_TITLE)));
    }

    /**
     * @param linkChecks whether the catalog has the real (SSRF-guarded) link checker, private targets allowed, for
     *                   "check now" against a test's loopback server; without it validate-sources fails at once
     *                   (the sample feeds' screenshots rely on that: their links are not on this machine; the
     *                   admin still offers Check now, as serve does)
     */
    private AdminServer(Path dir, Path movies, Path shows, boolean placeholders, boolean linkChecks,
                        UnaryOperator<CatalogAdmin.Builder> settings) {
        this.database = TestDatabases.sqlite(dir);
        this.store = database.open();
        this.catalog = Catalog.builder().storage(store)
                .feedReader(new JsonFeedReader(new OutboundHttp(OutboundHttpSettings.defaults())))
                .moviesFeed(FeedLocation.parse(movies.toString())).showsFeed(FeedLocation.parse(shows.toString()))
                .placeholders(placeholders).nodeName("test-node")
                .linkChecker(linkChecks ? new HttpLinkChecker(linkHttp, LinkCheckSettings.defaults()) : null).build();
        catalog.tasks().runNow(TaskName.IMPORT_MOVIES);
        catalog.tasks().runNow(TaskName.IMPORT_SHOWS);
        markDeadLinks(placeholders);
        this.admin = settings.apply(CatalogAdmin.builder(catalog.queries(), store.overview(), catalog.tasks(), accounts)
                .editing(catalog.editing()).sourceChecks(catalog.sourceChecks())).build();
        this.server = CatalogHttpServer.create(catalog.queries(), config -> admin.mountOn(config.host("127.0.0.1").port(0)))
                .start();
    }

    /** What link checks would have found: one source gone (404, inactive), one failing twice (still active). */
    private void markDeadLinks(boolean sample) {
        String goneError = sample ? "404 Not Found" : "404 Not Found <script>x</script>";
        java.util.List<io.freecast.catalog.port.out.SourceRepository.SourceCheck> checks = new java.util.ArrayList<>();
        java.time.Instant at = java.time.Instant.parse("2026-12-01T06:00:00Z");
        for (io.freecast.catalog.domain.Source source : store.ports().sources().listAfter(0, 100)) {
            if (source.url().endsWith("/2.mp4") || sample && source.id() % 9 == 4) {
                checks.add(new io.freecast.catalog.port.out.SourceRepository.SourceCheck(source.id(), false,
                        new io.freecast.catalog.domain.LinkState(at, 404, 0, goneError)));
            } else if (source.url().endsWith("/1b.mp4") || sample && source.id() % 9 == 7) {
                checks.add(new io.freecast.catalog.port.out.SourceRepository.SourceCheck(source.id(), true,
                        new io.freecast.catalog.domain.LinkState(at, 503, 2, "503 Service Unavailable")));
            }
        }
        store.ports().sources().saveChecks(checks);
    }

    URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
            catalog.close();
            linkHttp.close();
        } finally {
            database.close();
        }
    }
}
