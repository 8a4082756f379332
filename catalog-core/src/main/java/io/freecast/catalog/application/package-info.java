/**
 * The task use-cases as package-private services ({@code ImportShowsService}, …), each depending on exactly
 * the outbound ports it uses, and the {@code TaskRecorder} that records every run. The only public class,
 * {@link io.freecast.catalog.application.UseCases}, builds them for {@link io.freecast.catalog.Catalog}.
 */
package io.freecast.catalog.application;
