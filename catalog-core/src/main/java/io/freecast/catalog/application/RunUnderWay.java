package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import java.time.Instant;

/**
 * One run this node is carrying out, as its {@link TaskRecorder} knows it: so a shutdown can ask it to
 * stop, and exactly one of the run's thread and the shutdown records how it ended.
 *
 * <p>Stopping is cooperative and forceful at once: the run's loops ask {@link #throwIfStopRequested()}
 * between steps (an import between two items), and the run's thread is interrupted, which wakes it from a
 * blocking read (a stalled feed) or, on a virtual thread, breaks a database round trip under way. Either
 * way the run ends in an exception that rolls its transaction back.
 */
final class RunUnderWay {

    /** The run the current thread carries out, so the loops deep inside it need no extra parameter. */
    private static final ThreadLocal<RunUnderWay> CURRENT = new ThreadLocal<>();

    private enum State { RUNNING, ENDED, CLOSED_BY_STOPPER }

    private final TaskName task;
    private final long runId;
    private final Instant startedAt;
    private final Thread worker;
    private State state = State.RUNNING;
    /** Read for every item of an import: volatile, so that check takes no lock. */
    private volatile String stopReason;

    private RunUnderWay(TaskName task, long runId, Instant startedAt, Thread worker) {
        this.task = task;
        this.runId = runId;
        this.startedAt = startedAt;
        this.worker = worker;
    }

    /** A run starting on the current thread; {@link #endOnWorker()} must follow on the same thread. */
    static RunUnderWay beginOnCurrentThread(TaskName task, long runId, Instant startedAt) {
        RunUnderWay run = new RunUnderWay(task, runId, startedAt, Thread.currentThread());
        CURRENT.set(run);
        return run;
    }

    /**
     * Throws {@link RunStoppedException} when the run on this thread was asked to stop. Cheap: long loops
     * call it for every item. Does nothing on a thread that carries out no recorded run.
     */
    static void throwIfStopRequested() {
        RunUnderWay run = CURRENT.get();
        if (run != null) {
            String reason = run.stopReason();
            if (reason != null) {
                throw new RunStoppedException(reason);
            }
        }
    }

    /** Why the run on this thread was asked to stop; null when it was not, or no recorded run is on this thread. */
    static String stopReasonHere() {
        RunUnderWay run = CURRENT.get();
        return run == null ? null : run.stopReason();
    }

    TaskName task() {
        return task;
    }

    long runId() {
        return runId;
    }

    Instant startedAt() {
        return startedAt;
    }

    String stopReason() {
        return stopReason;
    }

    /** Asks the run to stop, once: marks it and interrupts its thread. False when it had already ended. */
    synchronized boolean requestStop(String reason) {
        if (state != State.RUNNING) {
            return false;
        }
        if (stopReason == null) {
            stopReason = reason;
            worker.interrupt();
        }
        return true;
    }

    /**
     * Called by the run's own thread when its work returned. From here on nothing interrupts the thread, so
     * a pending interrupt is cleared: the run log write that follows must not be broken by it.
     *
     * @return true when the run's thread records the end; false when the stopper already did
     */
    boolean endOnWorker() {
        boolean recordHere;
        synchronized (this) {
            recordHere = state == State.RUNNING;
            if (recordHere) {
                state = State.ENDED;
            }
        }
        CURRENT.remove();
        Thread.interrupted();
        return recordHere;
    }

    /**
     * Called by a stopper that waited long enough: the run is recorded as interrupted now, by the stopper.
     *
     * @return true when the stopper records it; false when the run ended (and records itself) meanwhile
     */
    synchronized boolean closeByStopper() {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.CLOSED_BY_STOPPER;
        return true;
    }
}
