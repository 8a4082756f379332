package io.freecast.catalog.application;

/** Thrown inside a run that was asked to stop (a shutdown): it rolls the run's transaction back. */
final class RunStoppedException extends RuntimeException {

    RunStoppedException(String reason) {
        super(reason, null, false, false);
    }
}
