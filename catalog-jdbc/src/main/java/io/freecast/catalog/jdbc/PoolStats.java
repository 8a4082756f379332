package io.freecast.catalog.jdbc;

/**
 * The connection pool right now, for metrics gauges.
 *
 * @param active  connections lent out
 * @param idle    connections waiting in the pool
 * @param total   {@code active + idle}
 * @param waiting threads waiting for a connection
 * @param max     the pool's size limit
 */
public record PoolStats(int active, int idle, int total, int waiting, int max) {
}
