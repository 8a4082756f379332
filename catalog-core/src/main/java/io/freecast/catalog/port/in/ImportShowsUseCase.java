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
     * @param progress     told how far the import has got; {@link ImportProgress#NONE} when {@code null}
     */
    record ImportShowsCommand(FeedLocation feed, boolean placeholders, ImportProgress progress) {
        public ImportShowsCommand {
            Objects.requireNonNull(feed, "feed");
            progress = progress == null ? ImportProgress.NONE : progress;
        }

        public ImportShowsCommand(FeedLocation feed, boolean placeholders) {
            this(feed, placeholders, ImportProgress.NONE);
        }
    }
}
