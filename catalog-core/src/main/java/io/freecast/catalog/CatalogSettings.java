package io.freecast.catalog;

import io.freecast.catalog.port.in.ValidateSourcesUseCase.ValidateSourcesCommand;
import io.freecast.catalog.domain.FeedLocation;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link Catalog#run(io.freecast.catalog.domain.TaskName)} uses when a task is run without
 * explicit arguments (by the scheduler, say). Build it through {@link Catalog.Builder}.
 *
 * @param showsFeed         the feed import-shows reads; {@code null} when none is configured
 * @param moviesFeed        the feed import-movies reads; {@code null} when none is configured
 * @param placeholders      whether import-shows gives a show without seasons placeholder seasons
 * @param ratingsStaleAfter update-ratings skips titles rated more recently than this
 * @param failureThreshold  consecutive failures before validate-sources turns a source off
 * @param nodeName          this process's name in the task-run log and in task leases
 */
public record CatalogSettings(FeedLocation showsFeed, FeedLocation moviesFeed, boolean placeholders,
                              Duration ratingsStaleAfter, int failureThreshold, String nodeName) {

    public static final Duration DEFAULT_RATINGS_STALE_AFTER = Duration.ofHours(24);

    public CatalogSettings {
        Objects.requireNonNull(ratingsStaleAfter, "ratingsStaleAfter");
        if (ratingsStaleAfter.isNegative()) {
            throw new IllegalArgumentException("ratingsStaleAfter must not be negative");
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be 1 or more, got " + failureThreshold);
        }
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("nodeName must not be blank");
        }
    }

    /** The library defaults: no feeds, no placeholders, 24 h staleness, threshold 3, host name as node. */
    public static CatalogSettings defaults() {
        return new CatalogSettings(null, null, false, DEFAULT_RATINGS_STALE_AFTER,
                ValidateSourcesCommand.DEFAULT_FAILURE_THRESHOLD, defaultNodeName());
    }

    static String defaultNodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node-" + ProcessHandle.current().pid();
        }
    }
}
