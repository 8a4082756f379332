package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskReport;

/** Checks every source URL and turns dead ones off (and revived ones on again). */
@FunctionalInterface
public interface ValidateSourcesUseCase {

    TaskReport validateSources(ValidateSourcesCommand command);

    /**
     * @param failureThreshold consecutive passing failures (timeouts, 5xx, …) after which a source is
     *                         turned off; 404 and 410 turn it off at once
     * @param progress         told how many sources have been checked; {@link TaskProgress#NONE} when {@code null}
     */
    record ValidateSourcesCommand(int failureThreshold, TaskProgress progress) {
        public static final int DEFAULT_FAILURE_THRESHOLD = 3;

        public ValidateSourcesCommand {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failure threshold must be 1 or more, got " + failureThreshold);
            }
            progress = progress == null ? TaskProgress.NONE : progress;
        }

        public ValidateSourcesCommand(int failureThreshold) {
            this(failureThreshold, TaskProgress.NONE);
        }
    }
}
