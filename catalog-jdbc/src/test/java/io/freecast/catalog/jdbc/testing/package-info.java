/**
 * Test fixtures for every module that needs a real catalog database: a fresh SQLite file or a fresh
 * PostgreSQL schema per test ({@link io.freecast.catalog.jdbc.testing.TestDatabases}). Published in
 * {@code catalog-jdbc}'s test-jar.
 */
package io.freecast.catalog.jdbc.testing;
