package io.freecast.catalog.http.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a feed download that stalls. {@code java.net.http}'s request timeout stops at the response
 * headers; a server that then sends nothing more would block the import — and its open write
 * transaction — forever. A watchdog closes the body once a single read has waited longer than the
 * limit, which makes that read fail with a clear reason. Time the importer spends writing between reads
 * does not count: only waiting for the server does.
 */
final class FeedStallGuard extends FilterInputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "feed-stall-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final long limitNanos;
    private final Duration limit;
    private final ScheduledFuture<?> check;
    private volatile long readStartedAt;
    private volatile boolean stalled;

    FeedStallGuard(InputStream body, Duration limit) {
        super(body);
        this.limit = limit;
        this.limitNanos = limit.toNanos();
        long period = Math.max(10, Math.min(1000, limit.toMillis() / 4));
        this.check = WATCHDOG.scheduleAtFixedRate(this::closeIfStalled, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        beforeRead();
        try {
            return afterRead(super.read());
        } catch (IOException e) {
            throw stalled ? stalledException() : e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        beforeRead();
        try {
            return afterRead(super.read(buffer, offset, length));
        } catch (IOException e) {
            throw stalled ? stalledException() : e;
        }
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }

    private void beforeRead() throws IOException {
        if (stalled) {
            throw stalledException();
        }
        readStartedAt = System.nanoTime();
    }

    private int afterRead(int result) throws IOException {
        readStartedAt = 0;
        if (stalled) {
            throw stalledException();
        }
        return result;
    }

    private void closeIfStalled() {
        long started = readStartedAt;
        if (started != 0 && System.nanoTime() - started > limitNanos) {
            stalled = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // The reader sees the stall either way.
            }
        }
    }

    private IOException stalledException() {
        String wait = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        return new IOException("the feed server sent nothing for " + wait + "; gave up");
    }
}
