package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a store is opened; {@link io.freecast.catalog.jdbc.JdbcCatalogStore.Builder} fills it in.
 *
 * @param poolSize          the most connections the pool holds
 * @param migrateOnOpen     apply pending migrations when opening; otherwise a database that is not
 *                          current is refused
 * @param connectionTimeout how long to wait for a connection (from the pool, or from the server)
 * @param busyTimeout       SQLite only: how long a writer waits for another process's write to end
 * @param answerTimeout     PostgreSQL only: how long one round trip waits for the server's answer before the
 *                          connection is given up ({@link AnswerTimeouts}); {@link Duration#ZERO} for no bound
 * @param clock             stamps created/updated times
 */
public record StoreConfig(DatabaseUrl url, int poolSize, boolean migrateOnOpen, Duration connectionTimeout,
                          Duration busyTimeout, Duration answerTimeout, Clock clock) {

    public StoreConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(clock, "clock");
        if (poolSize < 1 || poolSize > 1000) {
            throw new IllegalArgumentException("poolSize must be between 1 and 1000, got " + poolSize);
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, got " + connectionTimeout);
        }
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and 24 days, got " + busyTimeout);
        }
        JdbcCatalogStore.requireAnswerTimeout(answerTimeout);
    }
}
