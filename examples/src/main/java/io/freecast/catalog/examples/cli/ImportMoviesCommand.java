package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ImportMoviesUseCase;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog import-movies}: one import of a movies feed, synchronously, no scheduler needed. */
@Command(name = "import-movies", mixinStandardHelpOptions = true,
        description = "Import movies from a FreeCast-format feed: every valid item is created or updated, invalid "
                + "items are reported; a feed that cannot be read changes nothing.")
final class ImportMoviesCommand implements Callable<Integer> {

    static final String BUNDLED_FEED = "classpath:feeds/movies.json";

    @Mixin
    DatabaseOptions database;

    @Mixin
    OutboundOptions outbound;

    @Mixin
    ReportOptions report;

    @Mixin
    TaskLeaseOption lease;

    @Mixin
    FeedSizeOption feedSize;

    @Option(names = "--feed", paramLabel = "URL|PATH", defaultValue = "${env:CATALOG_MOVIES_FEED:-" + BUNDLED_FEED + "}",
            description = "http(s) URL, file path or classpath:resource of the movies feed. "
                    + "Env: CATALOG_MOVIES_FEED. Default: the bundled sample feed.")
    String feed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration leaseFor = lease.duration();
        long maxFeedBytes = feedSize.bytes();
        FeedLocation location = FeedLocation.parse(feed);
        try (CatalogAssembly assembly = CatalogAssembly.open(database, outbound, maxFeedBytes);
             ImportProgressBar progress = ImportProgressBar.start("import-movies")) {
            Catalog catalog = assembly.catalog();
            // Under the task's lease, like every run: never at the same time as a scheduled run on a server.
            TaskReport result = StopOnSignal.run(catalog, "import-movies", () -> catalog.tasks().runNow(
                    TaskName.IMPORT_MOVIES, leaseFor, () -> catalog.importMovies(
                            new ImportMoviesUseCase.ImportMoviesCommand(location, progress))));
            progress.close();
            return report.finish(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
