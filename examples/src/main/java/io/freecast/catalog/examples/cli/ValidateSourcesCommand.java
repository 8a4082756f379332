package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.http.client.HttpLinkChecker;
import io.freecast.catalog.http.client.LinkCheckSettings;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.port.in.ValidateSourcesUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog validate-sources}: checks every stream link and turns dead ones off (and back on). */
@Command(name = "validate-sources", mixinStandardHelpOptions = true,
        description = "Check the source URLs that are due, most overdue first; 404/410 turn a source off at once, other failures after "
                + "--failure-threshold in a row; a dead source that answers again comes back.")
public final class ValidateSourcesCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    OutboundOptions outbound;

    @Mixin
    LinkCheckOptions checks;

    @Mixin
    ReportOptions report;

    @Mixin
    TaskLeaseOption lease;

    @Option(names = "--failure-threshold", paramLabel = "N",
            defaultValue = "${env:CATALOG_CHECK_FAILURE_THRESHOLD:-3}",
            description = "Consecutive failures (timeouts, 5xx, refused connections, redirect loops) before a "
                    + "source is turned off. Env: CATALOG_CHECK_FAILURE_THRESHOLD. Default: ${DEFAULT-VALUE}")
    int failureThreshold;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CATALOG_CHECK_TIME_BUDGET}",
            description = "Stop starting new checks after this long (e.g. 5h); the checks under way finish, and the "
                    + "sources not reached are the first checked next time. Env: CATALOG_CHECK_TIME_BUDGET. "
                    + "Default: none (check every due source).")
    Duration timeBudget;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration leaseFor = lease.duration();
        LinkCheckSettings settings = checks.settings();
        if (failureThreshold < 1) {
            throw new ConfigurationException("--failure-threshold must be 1 or more, got " + failureThreshold);
        }
        if (timeBudget != null && (timeBudget.isNegative() || timeBudget.isZero())) {
            throw new ConfigurationException("--time-budget must be more than 0s, got " + timeBudget);
        }
        try (CatalogAssembly assembly = CatalogAssembly.open(database,
                outboundSettings(settings, outbound.allowPrivate()),
                (catalog, client) -> catalog.linkChecker(new HttpLinkChecker(client, settings)));
             ImportProgressBar progress = ImportProgressBar.start("validate-sources")) {
            Catalog catalog = assembly.catalog();
            // Under the task's lease, like every run: never at the same time as a scheduled run on a server.
            TaskReport result = catalog.tasks().runNow(TaskName.VALIDATE_SOURCES, leaseFor, () -> catalog.validateSources(
                    new ValidateSourcesUseCase.ValidateSourcesCommand(failureThreshold, progress, deadline())));
            progress.close();
            return report.finish(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** When the run stops starting checks: the budget from now, or none. */
    private Instant deadline() {
        return timeBudget == null ? null : Instant.now().plus(timeBudget);
    }

    /** The link timeout bounds each request; connecting may take at most that long too (and 5 s at most). */
    static OutboundHttpSettings outboundSettings(LinkCheckSettings checks, boolean allowPrivate) {
        Duration connect = checks.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? checks.timeout() : Duration.ofSeconds(5);
        return OutboundHttpSettings.defaults().withTimeouts(connect, checks.timeout()).withAllowPrivateTargets(allowPrivate);
    }
}
