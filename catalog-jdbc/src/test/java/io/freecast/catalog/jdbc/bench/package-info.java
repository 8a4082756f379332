/** Benchmarks run from {@code bench/}, never as tests: they measure, they do not assert. */
package io.freecast.catalog.jdbc.bench;
