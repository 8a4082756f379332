/**
 * The storage contract of catalog-core's test fixtures
 * ({@link io.freecast.catalog.testing.contract.StorageContract}) on the databases the adapter supports — a
 * SQLite file and the PostgreSQL server — with the database-only tests of
 * {@link io.freecast.catalog.jdbc.contract.JdbcStorageContract}.
 */
package io.freecast.catalog.jdbc.contract;
