package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.http.client.HttpLinkChecker;
import io.freecast.catalog.http.client.LinkCheckSettings;
import io.freecast.catalog.http.client.OutboundHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What {@code serve}'s scheduled tasks need besides the schedules: the feeds and placeholders of the
 * imports, the staleness of ratings, the failure threshold of link checks and the node's name. The
 * rating provider, link-check and outbound options are the task commands' own mixins, so every setting
 * has the same flag and environment variable in {@code serve} as in the command that runs the task once.
 */
public final class ServeTaskOptions {

    @Option(names = "--shows-feed", paramLabel = "URL|PATH",
            defaultValue = "${env:CATALOG_SHOWS_FEED:-" + ImportShowsCommand.BUNDLED_FEED + "}",
            description = "Feed import-shows reads (http(s) URL, file path or classpath:resource). "
                    + "Env: CATALOG_SHOWS_FEED. Default: the bundled sample feed.")
    String showsFeed;

    @Option(names = "--movies-feed", paramLabel = "URL|PATH",
            defaultValue = "${env:CATALOG_MOVIES_FEED:-" + ImportMoviesCommand.BUNDLED_FEED + "}",
            description = "Feed import-movies reads. Env: CATALOG_MOVIES_FEED. Default: the bundled sample feed.")
    String moviesFeed;

    @Option(names = "--placeholders", negatable = true, defaultValue = "${env:CATALOG_PLACEHOLDERS:-true}",
            fallbackValue = "true",
            description = "Give shows without seasons the reference's placeholder seasons. "
                    + "Env: CATALOG_PLACEHOLDERS. Default: ${DEFAULT-VALUE}")
    boolean placeholders;

    @Option(names = "--failure-threshold", paramLabel = "N",
            defaultValue = "${env:CATALOG_CHECK_FAILURE_THRESHOLD:-3}",
            description = "validate-sources: consecutive failures before a source is turned off. "
                    + "Env: CATALOG_CHECK_FAILURE_THRESHOLD. Default: ${DEFAULT-VALUE}")
    int failureThreshold;

    @Option(names = "--stale-after", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CATALOG_RATINGS_STALE_AFTER:-24h}",
            description = "update-ratings: skip titles rated more recently than this. "
                    + "Env: CATALOG_RATINGS_STALE_AFTER. Default: ${DEFAULT-VALUE}")
    Duration staleAfter;

    @Option(names = "--node-name", paramLabel = "NAME", defaultValue = "${env:CATALOG_NODE_NAME}",
            description = "This process's name in the task-run log and task leases. Env: CATALOG_NODE_NAME. "
                    + "Default: host name and process id.")
    String nodeName;

    /**
     * The outbound adapters, checked before anything opens: the feed reader, the rating provider when one
     * is chosen, and the link checker.
     *
     * @throws ConfigurationException naming the flag or variable to fix
     */
    Adapters adapters(OutboundOptions outbound, RatingProviderOptions ratings, LinkCheckOptions checks) {
        if (failureThreshold < 1) {
            throw new ConfigurationException("--failure-threshold / CATALOG_CHECK_FAILURE_THRESHOLD must be 1 or "
                    + "more, got " + failureThreshold);
        }
        if (staleAfter.isNegative()) {
            throw new ConfigurationException("--stale-after / CATALOG_RATINGS_STALE_AFTER must not be negative");
        }
        if (nodeName != null && (nodeName.isBlank() || nodeName.length() > 200)) {
            throw new ConfigurationException("--node-name / CATALOG_NODE_NAME must be 1 to 200 characters");
        }
        FeedLocation shows = feed(showsFeed, "--shows-feed / CATALOG_SHOWS_FEED");
        FeedLocation movies = feed(moviesFeed, "--movies-feed / CATALOG_MOVIES_FEED");
        LinkCheckSettings linkChecks = checks.settings();
        boolean ratingsChosen = ratings.provider != null && !ratings.provider.isBlank();
        if (ratingsChosen) {
            ratings.validate();
        }
        // Link checks get a client of their own: their timeouts are not the feeds' and ratings'.
        OutboundHttp linkHttp = new OutboundHttp(
                ValidateSourcesCommand.outboundSettings(linkChecks, outbound.allowPrivate()));
        return new Adapters(this, ratingsChosen ? ratings : null, ratings, linkHttp, shows, movies,
                new HttpLinkChecker(linkHttp, linkChecks));
    }

    private static FeedLocation feed(String text, String setting) {
        try {
            return FeedLocation.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting + ": " + e.getMessage(), e);
        }
    }

    /** The adapters serve's catalog is built with; closed when the server stops. */
    record Adapters(ServeTaskOptions options, RatingProviderOptions ratings, RatingProviderOptions ratingOptions,
                    OutboundHttp linkHttp,
                    FeedLocation showsFeed, FeedLocation moviesFeed, HttpLinkChecker linkChecker)
            implements AutoCloseable {

        /** Adds the task adapters and settings; {@code http} is the guarded client the feed reader uses. */
        Catalog.Builder configure(Catalog.Builder builder, OutboundHttp http) {
            builder.showsFeed(showsFeed)
                    .moviesFeed(moviesFeed)
                    .placeholders(options.placeholders)
                    .ratingProvider(ratings == null || ratings.several() ? null : ratings.create(http))
                    .ratingSources(ratings == null || !ratings.several() ? List.of() : ratings.createAll(http))
                    .linkChecker(linkChecker)
                    .failureThreshold(options.failureThreshold)
                    .ratingsStaleAfter(options.staleAfter);
            if (options.nodeName != null) {
                builder.nodeName(options.nodeName.strip());
            }
            return builder;
        }

        /** Tasks that cannot run with these adapters, with the reason: they are not scheduled. */
        Map<TaskName, String> unavailable() {
            return ratingOptions.unavailableTasks();
        }

        @Override
        public void close() {
            linkHttp.close();
        }
    }
}
