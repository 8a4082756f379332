package io.freecast.catalog.application;

import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.ImportMoviesUseCase;
import io.freecast.catalog.port.in.ImportShowsUseCase;
import io.freecast.catalog.port.in.UpdateRatingsUseCase;
import io.freecast.catalog.port.in.ValidateSourcesUseCase;
import io.freecast.catalog.port.out.CatalogStorage;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.RatingProvider;
import java.time.Clock;

/**
 * Builds the task use-cases from the ports they need. The services themselves are package-private:
 * callers see only the use-case interfaces.
 */
public final class UseCases {

    private UseCases() {
    }

    public static ImportShowsUseCase importShows(CatalogStorage storage, FeedReader feeds, Clock clock) {
        return new ImportShowsService(storage, feeds, clock);
    }

    public static ImportMoviesUseCase importMovies(CatalogStorage storage, FeedReader feeds, Clock clock) {
        return new ImportMoviesService(storage, feeds, clock);
    }

    public static UpdateRatingsUseCase updateRatings(CatalogStorage storage, RatingProvider provider, Clock clock) {
        return new UpdateRatingsService(storage.ratings(), storage.transactions(), provider, clock);
    }

    /** Every hand-editing use-case, over the storage's editing ports. */
    public static CatalogEditing editing(CatalogStorage storage, Clock clock) {
        return new CatalogEditingService(storage.transactions(), storage.handEdits(), storage.tombstones(),
                storage.auditTrail(), storage.queries(), storage.items(), clock);
    }

    public static ValidateSourcesUseCase validateSources(CatalogStorage storage, LinkChecker checker, Clock clock) {
        return new ValidateSourcesService(storage.sources(), checker, clock);
    }
}
