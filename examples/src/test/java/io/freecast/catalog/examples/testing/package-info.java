/** Test fixtures of the launcher's tests and benchmarks: feeds, a loopback feed server, table dumps. */
package io.freecast.catalog.examples.testing;
