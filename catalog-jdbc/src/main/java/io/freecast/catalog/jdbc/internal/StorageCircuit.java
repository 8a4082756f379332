package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A circuit breaker in front of the database: closed while it answers; open from the first failure that
 * means it cannot be reached ({@link ConnectionFailures.Kind#OUTAGE}) until a probe gets an answer again.
 * While open, every use is refused at once with a {@link StorageUnavailableException} instead of waiting
 * out the pool's timeout, so request threads stay free; a background thread probes every
 * {@code probeInterval} and closes the circuit on the first answer.
 *
 * <p>It says so in the log: one line when the outage starts (the cause in plain words), at most one line
 * per {@code summaryInterval} while it lasts (how many uses were refused), and one line when it ends. The
 * lines name the database as {@link DatabaseUrl#display()} does, without credentials.
 *
 * <p>Thread-safe. Transitions are synchronised; the check on every use reads one volatile field.
 */
final class StorageCircuit implements AutoCloseable {

    /** How a caller should wait before trying again while the database is away. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** Where the circuit's lines go: warnings while the database is away, information when it is back. */
    record LogLines(Consumer<String> warn, Consumer<String> info) {
    }

    /** One outage: since when, why, and the refusals counted for the summaries. */
    private static final class Outage {
        final long sinceNanos;
        volatile String cause;
        final AtomicLong refused = new AtomicLong();
        long refusedAtLastSummary;
        long lastSummaryNanos;

        Outage(long sinceNanos, String cause) {
            this.sinceNanos = sinceNanos;
            this.cause = cause;
            this.lastSummaryNanos = sinceNanos;
        }
    }

    private final String database;
    private final Duration probeInterval;
    private final Duration summaryInterval;
    private final Runnable probe;
    private final LongSupplier nanoClock;
    private final LogLines log;
    private volatile Outage outage;
    private Thread prober;
    private boolean closed;

    /**
     * @param database        the database as log lines name it, without credentials
     * @param probe           asks the database once; throws when it does not answer
     * @param nanoClock       {@link System#nanoTime()} outside tests
     */
    StorageCircuit(String database, Duration probeInterval, Duration summaryInterval, Runnable probe,
                   LongSupplier nanoClock, LogLines log) {
        this.database = Objects.requireNonNull(database, "database");
        this.probeInterval = Objects.requireNonNull(probeInterval, "probeInterval");
        this.summaryInterval = Objects.requireNonNull(summaryInterval, "summaryInterval");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** True while the database is known to be away. */
    boolean isOpen() {
        return outage != null;
    }

    /** The cause of the outage under way, in plain words; empty while the circuit is closed. */
    Optional<String> cause() {
        Outage current = outage;
        return current == null ? Optional.empty() : Optional.of(current.cause);
    }

    /** How long the outage under way has lasted; empty while the circuit is closed. */
    Optional<Duration> openFor() {
        Outage current = outage;
        return current == null ? Optional.empty() : Optional.of(Duration.ofNanos(nanoClock.getAsLong() - current.sinceNanos));
    }

    /**
     * Lets a use of the database through while the circuit is closed; refuses it (counted for the summary)
     * while it is open.
     */
    void check() {
        Outage current = outage;
        if (current != null) {
            current.refused.incrementAndGet();
            throw unavailable(current);
        }
    }

    /**
     * Reports a use that failed because the database cannot be reached: opens the circuit (logging the
     * start of the outage and starting the probes) unless it is open already.
     *
     * @return the exception to throw in place of {@code failure}
     */
    StorageUnavailableException failed(String cause) {
        Outage current;
        synchronized (this) {
            current = outage;
            if (current == null) {
                current = new Outage(nanoClock.getAsLong(), cause);
                outage = current;
                log.warn().accept("database unavailable: " + database + " (" + cause + "); requests that need it are "
                        + "answered 503 at once until it answers again, checked every " + seconds(probeInterval));
                startProbing();
            }
        }
        current.refused.incrementAndGet();
        return unavailable(current);
    }

    /**
     * One probe: closes the circuit when the database answers; otherwise keeps it open and logs the summary
     * when one is due. Called by the probing thread every {@code probeInterval}; tests call it directly.
     *
     * @return true when the database answered
     */
    boolean probeOnce() {
        Outage current = outage;
        if (current == null) {
            return true;
        }
        try {
            probe.run();
        } catch (RuntimeException e) {
            ConnectionFailures.classify(e).ifPresent(failure -> current.cause = failure.cause());
            summarizeIfDue(current);
            return false;
        }
        recovered(current);
        return true;
    }

    private void summarizeIfDue(Outage current) {
        long now = nanoClock.getAsLong();
        if (now - current.lastSummaryNanos < summaryInterval.toNanos()) {
            return;
        }
        long refused = current.refused.get();
        long sinceLast = refused - current.refusedAtLastSummary;
        log.warn().accept("database still unavailable after " + seconds(Duration.ofNanos(now - current.sinceNanos))
                + ": " + database + " (" + current.cause + "); " + sinceLast + " requests refused in the last "
                + seconds(Duration.ofNanos(now - current.lastSummaryNanos)));
        current.refusedAtLastSummary = refused;
        current.lastSummaryNanos = now;
    }

    private void recovered(Outage current) {
        synchronized (this) {
            if (outage != current) {
                return;
            }
            outage = null;
            prober = null;
        }
        log.info().accept("database available again after " + seconds(Duration.ofNanos(nanoClock.getAsLong()
                - current.sinceNanos)) + ": " + database + "; " + current.refused.get()
                + " requests were refused while it was away");
    }

    /** Stops probing (the store is closing). */
    @Override
    public synchronized void close() {
        closed = true;
        if (prober != null) {
            prober.interrupt();
            prober = null;
        }
    }

    /** Called holding the lock, as the circuit opens. */
    private void startProbing() {
        if (closed || prober != null) {
            return;
        }
        prober = Thread.ofPlatform().daemon().name("catalog-database-probe").unstarted(this::probeUntilAnswered);
        prober.start();
    }

    private void probeUntilAnswered() {
        try {
            do {
                Thread.sleep(probeInterval);
            } while (!probeOnce() && !isClosed());
        } catch (InterruptedException e) {
            // The store is closing.
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private StorageUnavailableException unavailable(Outage current) {
        return new StorageUnavailableException("the database is unavailable (" + current.cause + "); try again in "
                + RETRY_AFTER.toSeconds() + " s", RETRY_AFTER, null);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 10_000 && millis % 1000 != 0 ? String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0)
                : (millis / 1000) + " s";
    }
}
