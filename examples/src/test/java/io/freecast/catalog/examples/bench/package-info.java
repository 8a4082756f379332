/**
 * Benchmarks that run side by side with their baselines and print ratios ({@code bench/*.sh} start them).
 * They use only loopback servers and temporary databases.
 *
 * <p>They live in the test sources so that {@code catalog.jar} ships none of them: the scripts run them
 * with {@code examples/target/catalog.jar:examples/target/test-classes} on the class path (the test classes
 * are compiled by {@code package -DskipTests} too).
 */
package io.freecast.catalog.examples.bench;
