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
     */
    record UpdateRatingsCommand(Duration staleAfter) {
        public UpdateRatingsCommand {
            Objects.requireNonNull(staleAfter, "staleAfter");
            if (staleAfter.isNegative()) {
                throw new IllegalArgumentException("staleAfter must not be negative");
            }
        }
    }
}
