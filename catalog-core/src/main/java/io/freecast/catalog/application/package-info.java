/**
 * The task use-cases as package-private services ({@code ImportShowsService}, …), built by
 * {@link io.freecast.catalog.application.UseCases} from the ports they need, and the
 * {@link io.freecast.catalog.application.TaskRecorder} that records every run.
 */
package io.freecast.catalog.application;
