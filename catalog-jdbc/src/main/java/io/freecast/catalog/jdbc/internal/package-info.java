/**
 * The storage adapter's engine: connection pools, migrations, and the jOOQ implementations of the
 * storage ports ({@code Jooq*Repository}, {@link io.freecast.catalog.jdbc.internal.JooqCatalogQueries}).
 * Not an API: only {@link io.freecast.catalog.jdbc.JdbcCatalogStore} uses it.
 *
 * <p>The jOOQ classes in {@code .schema} are generated at build time from the migration scripts.
 */
package io.freecast.catalog.jdbc.internal;
