package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.FeedLocation;
import java.util.Objects;

/** Imports a feed of movies: validates every item, upserts the valid ones, all in one transaction. */
@FunctionalInterface
public interface ImportMoviesUseCase {

    TaskReport importMovies(ImportMoviesCommand command);

    /** @param progress told how far the import has got; {@link ImportProgress#NONE} when {@code null} */
    record ImportMoviesCommand(FeedLocation feed, ImportProgress progress) {
        public ImportMoviesCommand {
            Objects.requireNonNull(feed, "feed");
            progress = progress == null ? ImportProgress.NONE : progress;
        }

        public ImportMoviesCommand(FeedLocation feed) {
            this(feed, ImportProgress.NONE);
        }
    }
}
