package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ImportShowsUseCase;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog import-shows}: one import of a shows feed, synchronously, no scheduler needed. */
@Command(name = "import-shows", mixinStandardHelpOptions = true,
        description = "Import shows from a FreeCast-format feed: every valid item is created or updated, invalid "
                + "items are reported; a feed that cannot be read changes nothing.")
final class ImportShowsCommand implements Callable<Integer> {

    static final String BUNDLED_FEED = "classpath:feeds/shows.json";

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

    @Option(names = "--feed", paramLabel = "URL|PATH", defaultValue = "${env:CATALOG_SHOWS_FEED:-" + BUNDLED_FEED + "}",
            description = "http(s) URL, file path or classpath:resource of the shows feed. "
                    + "Env: CATALOG_SHOWS_FEED. Default: the bundled sample feed.")
    String feed;

    @Option(names = "--placeholders", negatable = true, defaultValue = "${env:CATALOG_PLACEHOLDERS:-true}",
            fallbackValue = "true",
            description = "Give shows without seasons 2 placeholder seasons of 2 episodes (--no-placeholders: don't). "
                    + "Env: CATALOG_PLACEHOLDERS. Default: ${DEFAULT-VALUE}")
    boolean placeholders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration leaseFor = lease.duration();
        long maxFeedBytes = feedSize.bytes();
        FeedLocation location = FeedLocation.parse(feed);
        try (CatalogAssembly assembly = CatalogAssembly.open(database, outbound, maxFeedBytes);
             ImportProgressBar progress = ImportProgressBar.start("import-shows")) {
            Catalog catalog = assembly.catalog();
            // Under the task's lease, like every run: never at the same time as a scheduled run on a server.
            TaskReport result = StopOnSignal.run(catalog, "import-shows", () -> catalog.tasks().runNow(
                    TaskName.IMPORT_SHOWS, leaseFor, () -> catalog.importShows(
                            new ImportShowsUseCase.ImportShowsCommand(location, placeholders, progress))));
            progress.close();
            return report.finish(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
