package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.FeedLocation;
import java.util.Objects;

/** Imports a feed of movies: validates every item, upserts the valid ones, all in one transaction. */
@FunctionalInterface
public interface ImportMoviesUseCase {

    TaskReport importMovies(ImportMoviesCommand command);

    record ImportMoviesCommand(FeedLocation feed) {
        public ImportMoviesCommand {
            Objects.requireNonNull(feed, "feed");
        }
    }
}
