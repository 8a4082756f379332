package io.freecast.catalog.examples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Sets logging up on a thread of its own while the launcher builds its command line: logback's start
 * loads a few hundred classes, and another core can do that meanwhile.
 *
 * <p>Nothing may log before it is done: slf4j would queue those calls and replay them with a warning on
 * stderr. So the launcher waits for it before running a command, and so does anything else started early.
 */
final class LoggingStart {

    /** Waiting longer than this means something is badly wrong; the command then runs anyway. */
    private static final long MAX_WAIT_SECONDS = 10;

    private static volatile CountDownLatch ready;

    private LoggingStart() {
    }

    static synchronized void begin() {
        if (ready != null) {
            return;
        }
        CountDownLatch latch = new CountDownLatch(1);
        ready = latch;
        Thread.ofPlatform().daemon().name("catalog-logging-start").start(() -> {
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                latch.countDown();
            }
        });
    }

    /** Returns once logging is set up, at once if {@link #begin()} was never called. */
    static void awaitReady() {
        CountDownLatch latch = ready;
        if (latch == null) {
            return;
        }
        try {
            latch.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
