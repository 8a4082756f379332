package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskReport;
import java.time.Duration;
import java.util.Objects;

/** Refreshes the ratings of shows and movies from the configured rating provider. */
@FunctionalInterface
public interface UpdateRatingsUseCase {

    TaskReport updateRatings(UpdateRatingsCommand command);

    /**
     * @param staleAfter titles rated more recently than this are skipped ({@link Duration#ZERO}: rate all)
     * @param progress   told how many titles have been asked about; {@link TaskProgress#NONE} when {@code null}
     */
    record UpdateRatingsCommand(Duration staleAfter, TaskProgress progress) {
        public UpdateRatingsCommand {
            Objects.requireNonNull(staleAfter, "staleAfter");
            if (staleAfter.isNegative()) {
                throw new IllegalArgumentException("staleAfter must not be negative");
            }
            progress = progress == null ? TaskProgress.NONE : progress;
        }

        public UpdateRatingsCommand(Duration staleAfter) {
            this(staleAfter, TaskProgress.NONE);
        }
    }
}
