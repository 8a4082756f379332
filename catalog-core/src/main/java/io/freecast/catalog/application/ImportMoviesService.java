package io.freecast.catalog.application;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ImportMoviesUseCase;
import io.freecast.catalog.port.out.CatalogStorage;
import io.freecast.catalog.port.out.FeedReader;
import java.time.Clock;

/**
 * Streams a feed of movies into storage in batches, inside one transaction: either the whole feed is
 * imported or, when the feed turns out unreadable part-way, nothing is.
 */
final class ImportMoviesService implements ImportMoviesUseCase {

    private final CatalogStorage storage;
    private final FeedReader feeds;
    private final Clock clock;

    ImportMoviesService(CatalogStorage storage, FeedReader feeds, Clock clock) {
        this.storage = storage;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public TaskReport importMovies(ImportMoviesCommand command) {
        return FeedImports.run(TaskName.IMPORT_MOVIES, clock, storage.transactions(),
                new FeedImport<>(MovieDraft::key, () -> storage.tombstones().feedKeys(ItemKind.MOVIE),
                        (batch, counts, tally) -> storage.movies().upsertAll(batch, tally), command.progress()),
                sink -> feeds.readMovies(command.feed(), sink));
    }
}
