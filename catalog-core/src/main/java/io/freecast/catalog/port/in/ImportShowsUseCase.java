package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.FeedLocation;
import java.util.Objects;

/** Imports a feed of shows: validates every item, upserts the valid ones, all in one transaction. */
@FunctionalInterface
public interface ImportShowsUseCase {

    TaskReport importShows(ImportShowsCommand command);

    /**
     * @param placeholders give a show without seasons the reference's placeholder hierarchy
     *                     (2 seasons × 2 episodes, one placeholder source each)
     */
    record ImportShowsCommand(FeedLocation feed, boolean placeholders) {
        public ImportShowsCommand {
            Objects.requireNonNull(feed, "feed");
        }
    }
}
