/** Generators for the benchmarks in {@code bench/}: catalogs written through the real store. */
package io.freecast.catalog.examples.bench;
