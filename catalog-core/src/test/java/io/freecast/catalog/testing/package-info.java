/**
 * Test fixtures of the core, published in catalog-core's test-jar: in-memory adapters for every outbound port
 * ({@link io.freecast.catalog.testing.InMemoryCatalogStore} for the storage ports,
 * {@link io.freecast.catalog.testing.InMemoryFeedReader}, {@link io.freecast.catalog.testing.InMemoryRatingProvider},
 * {@link io.freecast.catalog.testing.InMemoryLinkChecker}), a clock a test moves by hand, and draft builders.
 * They behave like the real adapters — the storage contract runs on the in-memory store as on SQLite and
 * PostgreSQL — so a test of the core's rules needs no database, no network and no waiting.
 */
package io.freecast.catalog.testing;
