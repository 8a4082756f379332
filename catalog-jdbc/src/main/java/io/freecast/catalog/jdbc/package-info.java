/**
 * The storage adapter: the catalog kept in SQLite (embedded, the default) or PostgreSQL.
 *
 * <p>{@link io.freecast.catalog.jdbc.JdbcCatalogStore} is the one entry an embedder needs: it opens the
 * database, migrates its schema and provides every storage port of {@code catalog-core}. Everything
 * else lives in {@code .internal} and may change without notice.
 */
package io.freecast.catalog.jdbc;
