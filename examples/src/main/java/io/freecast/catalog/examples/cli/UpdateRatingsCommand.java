package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.port.in.UpdateRatingsUseCase;
import io.freecast.catalog.port.out.RatingProvider;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog update-ratings}: asks the chosen ratings API about every title that is due. */
@Command(name = "update-ratings", mixinStandardHelpOptions = true,
        description = "Refresh the ratings of shows and movies from a ratings API (or placeholders, if asked).")
public final class UpdateRatingsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    OutboundOptions outbound;

    @Mixin
    RatingProviderOptions ratings;

    @Option(names = "--stale-after", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CATALOG_RATINGS_STALE_AFTER:-24h}",
            description = "Skip titles rated more recently than this (0s rates all). "
                    + "Env: CATALOG_RATINGS_STALE_AFTER. Default: ${DEFAULT-VALUE}")
    Duration staleAfter;

    @Option(names = "--json", description = "Print the task report as JSON on stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (staleAfter.isNegative()) {
            throw new ConfigurationException("--stale-after must not be negative, got " + staleAfter);
        }
        OutboundHttpSettings http = OutboundHttpSettings.defaults().withAllowPrivateTargets(outbound.allowPrivate());
        try (OutboundHttp outboundHttp = new OutboundHttp(http)) {
            // The provider checks its settings (a key, a URL) before the database is even opened.
            RatingProvider provider = ratings.create(outboundHttp);
            try (Catalog catalog = CheckCommands.catalog(database).ratingProvider(provider).build()) {
                TaskReport report = catalog.updateRatings(new UpdateRatingsUseCase.UpdateRatingsCommand(staleAfter));
                ReportPrinter.print(report, json, spec.commandLine().getOut(), spec.commandLine().getErr());
                return report.succeeded() ? ExitCode.OK : ExitCode.FAILED;
            }
        }
    }
}
