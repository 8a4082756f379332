/**
 * The storage contract ({@link io.freecast.catalog.jdbc.contract.StorageContract}) and the databases it
 * runs on: a SQLite file and the PostgreSQL server.
 */
package io.freecast.catalog.jdbc.contract;
