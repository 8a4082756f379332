package io.freecast.catalog.port.in;

/**
 * Every hand-editing use-case in one, as {@link io.freecast.catalog.Catalog#editing()} gives it: for an
 * adapter (the JSON write API, the web admin) that offers all of them. An adapter that needs only some can
 * depend on those interfaces alone.
 */
public interface CatalogEditing extends EditShowsUseCase, EditSeasonsUseCase, EditEpisodesUseCase, EditMoviesUseCase,
        EditSourcesUseCase, UnlockFieldUseCase, TombstonesUseCase, AuditLogUseCase, ItemQueries {
}
