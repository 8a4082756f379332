/**
 * Benchmarks that run side by side with their baselines and print ratios ({@code bench/*.sh} start them).
 * They use only loopback servers and temporary databases.
 */
package io.freecast.catalog.examples.bench;
