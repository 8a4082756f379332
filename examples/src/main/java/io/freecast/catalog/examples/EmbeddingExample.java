package io.freecast.catalog.examples;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.http.client.JsonFeedReader;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.http.server.CatalogHttpServer;
import io.freecast.catalog.http.server.TaskResources;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.scheduler.CatalogScheduler;
import io.freecast.catalog.scheduler.Schedule;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The catalog used as a library, without the launcher: build a {@link Catalog} on an SQLite file, run a
 * task, query the catalog, then serve it over HTTP and run the tasks on a schedule.
 *
 * <pre>
 * java -cp examples/target/catalog.jar io.freecast.catalog.examples.EmbeddingExample [file.db] [port]
 * </pre>
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path database = Path.of(args.length > 0 ? args[0] : "embedded-catalog.db");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8002;
        Running running = start(database, port);
        System.out.println("imported: " + running.firstImport().counts());
        System.out.println("first movie: " + running.firstMovies().items().stream().findFirst()
                .map(movie -> movie.movie().title()).orElse("(none)"));
        System.out.println("API on " + running.server().baseUri() + " — Ctrl-C stops it");
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        Thread.currentThread().join();
    }

    /** Everything the example started; {@link #close()} stops it all, scheduler first. */
    public record Running(Catalog catalog, OutboundHttp http, TaskReport firstImport, Page<MovieTree> firstMovies,
                          CatalogHttpServer server, CatalogScheduler scheduler) implements AutoCloseable {
        @Override
        public void close() {
            scheduler.close(); // lets a running task finish (30 s at most)
            server.stop();
            catalog.close(); // closes the storage too
            http.close();
        }
    }

    public static Running start(Path databaseFile, int port) {
        // 1. Storage: an SQLite file, created and migrated when opened. A PostgreSQL URL works the same.
        JdbcCatalogStore store = JdbcCatalogStore.open("jdbc:sqlite:" + databaseFile.toAbsolutePath());

        // 2. The catalog: storage plus the adapters its tasks need, and the feeds they read by default.
        OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults());
        Catalog catalog = Catalog.builder()
                .storage(store)
                .feedReader(new JsonFeedReader(http))
                .moviesFeed(FeedLocation.parse("classpath:feeds/movies.json"))
                .showsFeed(FeedLocation.parse("classpath:feeds/shows.json"))
                .build();

        // 3. Run a task synchronously. It is recorded in the run log; a failure is a report, not an exception.
        TaskReport report = catalog.tasks().runNow(TaskName.IMPORT_MOVIES);

        // 4. Query the catalog: the first page of movies, by title.
        Page<MovieTree> movies = catalog.queries().listMovies(ListQuery.firstPage());

        // 5. Serve it: the read API, the write API and /tasks. Writes and task triggers need an API token
        //    (none exists yet, and no bootstrap token was given here, so every write is refused with 401).
        CatalogHttpServer server = CatalogHttpServer.create(catalog.queries(), config -> config
                .port(port)
                .healthCheck(catalog::health)
                .authentication(catalog.authentication())
                .editing(catalog.editing())
                .routes(new TaskResources(catalog.tasks(), catalog.authentication())::register));
        server.start();

        // 6. Schedule the tasks: shows at start-up and daily, movies daily; no rating provider or link
        //    checker was given, so those tasks stay off.
        CatalogScheduler scheduler = CatalogScheduler.builder(catalog)
                .schedule(TaskName.IMPORT_SHOWS, Schedule.every(Duration.ofHours(24)).atStartup())
                .schedule(TaskName.IMPORT_MOVIES, Schedule.parse("24h"))
                .schedule(TaskName.UPDATE_RATINGS, Schedule.off())
                .schedule(TaskName.UPDATE_IMDB_RATINGS, Schedule.off())
                .schedule(TaskName.UPDATE_KINOPOISK_RATINGS, Schedule.off())
                .schedule(TaskName.VALIDATE_SOURCES, Schedule.off())
                .build();
        scheduler.start();
        return new Running(catalog, http, report, movies, server, scheduler);
    }
}
