/**
 * Contract suites every implementation of the storage ports must pass, published in catalog-core's test-jar:
 * a store's test extends {@link io.freecast.catalog.testing.contract.StorageContract} and says how to open an
 * empty store of its kind. The in-memory store, SQLite and PostgreSQL all run it.
 */
package io.freecast.catalog.testing.contract;
