package io.freecast.catalog.application;

import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ImportShowsUseCase;
import io.freecast.catalog.port.out.CatalogStorage;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.UpsertOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a feed of shows into storage in batches, inside one transaction: either the whole feed is
 * imported or, when the feed turns out unreadable part-way, nothing is.
 */
final class ImportShowsService implements ImportShowsUseCase {

    private final CatalogStorage storage;
    private final FeedReader feeds;
    private final Clock clock;

    ImportShowsService(CatalogStorage storage, FeedReader feeds, Clock clock) {
        this.storage = storage;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public TaskReport importShows(ImportShowsCommand command) {
        boolean placeholders = command.placeholders();
        return FeedImports.run(TaskName.IMPORT_SHOWS, clock, storage.transactions(),
                new FeedImport<>(ShowDraft::key, batch -> write(batch, placeholders), command.progress()),
                sink -> feeds.readShows(command.feed(), sink));
    }

    /**
     * Without placeholders a batch is one repository call. With them, shows that would get the same
     * placeholder seasons share a call: all shows without web sources share one, and a show with its
     * own web sources (which its placeholder episodes carry) has its own.
     */
    private List<UpsertOutcome> write(List<ShowDraft> batch, boolean placeholders) {
        if (!placeholders) {
            return storage.shows().upsertAll(batch, List.of());
        }
        Map<List<SeasonDraft>, List<ShowDraft>> byPlaceholders = new LinkedHashMap<>();
        for (ShowDraft show : batch) {
            byPlaceholders.computeIfAbsent(Placeholders.forShow(show), k -> new ArrayList<>()).add(show);
        }
        List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
        byPlaceholders.forEach((seasons, shows) -> outcomes.addAll(storage.shows().upsertAll(shows, seasons)));
        return outcomes;
    }
}
