package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.port.in.UpdateRatingsUseCase;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog update-ratings}: asks the chosen ratings API about every title that is due. */
@Command(name = "update-ratings", mixinStandardHelpOptions = true,
        description = "Refresh the ratings of shows and movies from a ratings API (or placeholders, if asked). "
                + "Answers are written as they come (every 500 titles or 3 s): a run that fails or is stopped "
                + "keeps what it wrote, and the next run asks only about the titles still due.")
public final class UpdateRatingsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    OutboundOptions outbound;

    @Mixin
    RatingProviderOptions ratings;

    @Mixin
    ReportOptions report;

    @Mixin
    TaskLeaseOption lease;

    @Option(names = "--stale-after", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CATALOG_RATINGS_STALE_AFTER:-24h}",
            description = "Skip titles rated more recently than this (0s rates all). "
                    + "Env: CATALOG_RATINGS_STALE_AFTER. Default: ${DEFAULT-VALUE}")
    Duration staleAfter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration leaseFor = lease.duration();
        if (staleAfter.isNegative()) {
            throw new ConfigurationException("--stale-after must not be negative, got " + staleAfter);
        }
        // A missing key or provider is refused before the database is opened and before anything is sent.
        ratings.validate();
        if (ratings.several()) {
            throw new ConfigurationException("update-ratings asks one provider at a time, got --provider "
                    + String.join(",", ratings.names()) + "; run it once per provider, or let serve schedule them all");
        }
        OutboundHttpSettings http = OutboundHttpSettings.defaults().withAllowPrivateTargets(outbound.allowPrivate());
        try (CatalogAssembly assembly = CatalogAssembly.open(database, http,
                (catalog, client) -> catalog.ratingProvider(ratings.create(client)));
             ImportProgressBar progress = ImportProgressBar.start("update-ratings")) {
            Catalog catalog = assembly.catalog();
            // Under the task's lease, like every run: never at the same time as a scheduled run on a server.
            TaskReport result = StopOnSignal.run(catalog, "update-ratings", () -> catalog.tasks().runNow(
                    TaskName.UPDATE_RATINGS, leaseFor, () -> catalog.updateRatings(
                            new UpdateRatingsUseCase.UpdateRatingsCommand(staleAfter, progress))));
            progress.close();
            return report.finish(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
