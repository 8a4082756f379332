package io.freecast.catalog.application;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ImportMoviesUseCase;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;

/**
 * Streams a feed of movies into storage in batches, inside one transaction: either the whole feed is
 * imported or, when the feed turns out unreadable part-way, nothing is.
 */
final class ImportMoviesService implements ImportMoviesUseCase {

    private final MovieRepository movies;
    private final Tombstones tombstones;
    private final Transactions transactions;
    private final FeedReader feeds;
    private final Clock clock;

    ImportMoviesService(MovieRepository movies, Tombstones tombstones, Transactions transactions, FeedReader feeds,
                        Clock clock) {
        this.movies = movies;
        this.tombstones = tombstones;
        this.transactions = transactions;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public TaskReport importMovies(ImportMoviesCommand command) {
        return FeedImports.run(TaskName.IMPORT_MOVIES, clock, transactions,
                new FeedImport<>(MovieDraft::key, () -> tombstones.feedKeys(ItemKind.MOVIE),
                        (batch, counts, tally) -> movies.upsertAll(batch, tally), command.progress()),
                sink -> feeds.readMovies(command.feed(), sink));
    }
}
