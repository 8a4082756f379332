package io.freecast.catalog.application;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.ImportShowsUseCase;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.port.out.Transactions;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.port.out.UpsertTally;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams a feed of shows into storage in batches, inside one transaction: either the whole feed is
 * imported or, when the feed turns out unreadable part-way, nothing is.
 *
 * <p>A show's own web sources ({@code modes.web_sources}, {@link ShowDraft#sources()}) stay on the
 * draft: the catalog keeps sources on episodes and movies only, and attaching a show-wide link to
 * invented episodes would make it look like an episode stream. The report counts them
 * ({@value #SHOW_SOURCES_NOT_STORED}) and says so, so an operator knows to give such shows seasons.
 */
final class ImportShowsService implements ImportShowsUseCase {

    static final String SHOW_SOURCES_NOT_STORED = "show_web_sources_not_stored";

    private final ShowRepository shows;
    private final Tombstones tombstones;
    private final Transactions transactions;
    private final FeedReader feeds;
    private final Clock clock;

    ImportShowsService(ShowRepository shows, Tombstones tombstones, Transactions transactions, FeedReader feeds,
                       Clock clock) {
        this.shows = shows;
        this.tombstones = tombstones;
        this.transactions = transactions;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public TaskReport importShows(ImportShowsCommand command) {
        boolean placeholders = command.placeholders();
        FeedImport<ShowDraft> run = new FeedImport<>(ShowDraft::key, () -> tombstones.feedKeys(ItemKind.SHOW),
                (batch, counts, tally) -> write(batch, placeholders, counts, tally), command.progress());
        TaskReport report = FeedImports.run(TaskName.IMPORT_SHOWS, clock, transactions, run,
                sink -> feeds.readShows(command.feed(), sink));
        long notStored = run.extraCount(SHOW_SOURCES_NOT_STORED);
        if (!report.succeeded() || notStored == 0) {
            return report;
        }
        List<String> notes = new ArrayList<>(report.notes());
        notes.add(notStored + " web sources given for whole shows (modes.web_sources) were not stored: the catalog "
                + "keeps sources on episodes; give those shows seasons with episode sources in the feed");
        return new TaskReport(report.task(), report.startedAt(), report.finishedAt(), report.status(), report.counts(),
                report.rejections(), notes, report.error());
    }

    private List<UpsertOutcome> write(List<ShowDraft> batch, boolean placeholders, Map<String, Long> counts,
                                      UpsertTally tally) {
        long showSources = batch.stream().mapToLong(show -> show.sources().size()).sum();
        counts.merge(SHOW_SOURCES_NOT_STORED, showSources, Long::sum);
        return shows.upsertAll(batch, placeholders ? Placeholders.SEASONS_WHEN_NONE : List.of(), tally);
    }
}
