/**
 * Examples of the catalog used as a library: {@link io.freecast.catalog.examples.EmbeddingExample} builds
 * a catalog on SQLite, runs a task, queries, serves HTTP and schedules the tasks, all from plain Java.
 */
package io.freecast.catalog.examples;
