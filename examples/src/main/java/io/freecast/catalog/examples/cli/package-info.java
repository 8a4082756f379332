/**
 * The {@code catalog} command line: one picocli command per task plus {@code serve}, {@code tasks} and
 * {@code migrate}. This package is the composition root of the runnable server: the only place where
 * the storage, HTTP and scheduler modules meet.
 */
package io.freecast.catalog.examples.cli;
