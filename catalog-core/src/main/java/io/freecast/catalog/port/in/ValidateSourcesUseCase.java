package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskReport;

/** Checks every source URL and turns dead ones off (and revived ones on again). */
@FunctionalInterface
public interface ValidateSourcesUseCase {

    TaskReport validateSources(ValidateSourcesCommand command);

    /**
     * @param failureThreshold consecutive passing failures (timeouts, 5xx, …) after which a source is
     *                         turned off; 404 and 410 turn it off at once
     */
    record ValidateSourcesCommand(int failureThreshold) {
        public static final int DEFAULT_FAILURE_THRESHOLD = 3;

        public ValidateSourcesCommand {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failure threshold must be 1 or more, got " + failureThreshold);
            }
        }
    }
}
