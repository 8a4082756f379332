package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskReport;
import java.time.Instant;

/**
 * Checks the source URLs that are due, most overdue first, turns dead ones off (and revived ones on again),
 * and stops at a deadline, leaving the rest first in line for the next run.
 */
@FunctionalInterface
public interface ValidateSourcesUseCase {

    TaskReport validateSources(ValidateSourcesCommand command);

    /**
     * @param failureThreshold consecutive passing failures (timeouts, 5xx, …) after which a source is
     *                         turned off; 404 and 410 turn it off at once
     * @param progress         told how many sources have been checked; {@link TaskProgress#NONE} when {@code null}
     * @param deadline         when the run stops starting new checks (the checks under way finish and are
     *                         stored); {@code null} for no deadline
     */
    record ValidateSourcesCommand(int failureThreshold, TaskProgress progress, Instant deadline) {
        public static final int DEFAULT_FAILURE_THRESHOLD = 3;

        public ValidateSourcesCommand {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failure threshold must be 1 or more, got " + failureThreshold);
            }
            progress = progress == null ? TaskProgress.NONE : progress;
        }

        public ValidateSourcesCommand(int failureThreshold, TaskProgress progress) {
            this(failureThreshold, progress, null);
        }

        public ValidateSourcesCommand(int failureThreshold) {
            this(failureThreshold, TaskProgress.NONE, null);
        }

        /** This command with {@code deadline} ({@code null} for none). */
        public ValidateSourcesCommand withDeadline(Instant deadline) {
            return new ValidateSourcesCommand(failureThreshold, progress, deadline);
        }
    }
}
