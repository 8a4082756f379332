package io.freecast.catalog.application;

import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How a task writes one of its batches (a page of link checks, a batch of ratings): when the storage refuses it
 * for now ({@link StorageUnavailableException}) — another writer holds what it changes, such as an import's rows
 * on PostgreSQL, or the database is briefly away — the batch is written again after the wait the storage asked
 * for, until {@link #PATIENCE} has passed since the first refusal. A refused batch wrote nothing (each is one
 * transaction) and holds values already decided, so writing it again is safe. One batch that meets an import no
 * longer ends a run of hours. A run asked to stop stops waiting ({@link RunUnderWay}).
 */
final class BatchRetry {

    /** How long a batch is tried again before its run ends with the refusal. */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    /** Waits for a while; a test's may move its clock instead. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Pause pause;

    BatchRetry(Clock clock, Pause pause) {
        this.clock = clock;
        this.pause = pause;
    }

    /** Waits with {@link Thread#sleep}, which a stop's interrupt ends. */
    static BatchRetry sleeping(Clock clock) {
        return new BatchRetry(clock, Thread::sleep);
    }

    /** Writes {@code batch}, again after each refusal for now, within the patience; otherwise as it fails. */
    void write(Runnable batch) {
        Instant giveUpAt = null;
        while (true) {
            try {
                batch.run();
                return;
            } catch (StorageUnavailableException refused) {
                Instant now = clock.instant();
                giveUpAt = giveUpAt == null ? now.plus(PATIENCE) : giveUpAt;
                if (now.plus(refused.retryAfter()).isAfter(giveUpAt)) {
                    throw refused;
                }
                waitBeforeAgain(refused);
            }
        }
    }

    private void waitBeforeAgain(StorageUnavailableException refused) {
        try {
            pause.sleep(refused.retryAfter());
        } catch (InterruptedException e) {
            // A stop interrupts the run's thread: the run ends (as stopped, if it was asked to) with the refusal.
            Thread.currentThread().interrupt();
            RunUnderWay.throwIfStopRequested();
            throw refused;
        }
        RunUnderWay.throwIfStopRequested();
    }
}
