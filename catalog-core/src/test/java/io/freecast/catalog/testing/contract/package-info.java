/**
 * Contract suites every implementation of the storage ports must pass, published in catalog-core's test-jar:
 * a store's test extends {@link io.freecast.catalog.testing.contract.StorageContract} and says how to open an
 * empty store of its kind; the hand-edit suites ({@code HandEditStorageContract}, {@code FeedVersusHandContract},
 * {@code EditingUseCasesContract}, {@code AuditTrailContract}) extend {@code EditingFixture} and are opened the
 * same way. The in-memory store, SQLite and PostgreSQL all run every one.
 */
package io.freecast.catalog.testing.contract;
