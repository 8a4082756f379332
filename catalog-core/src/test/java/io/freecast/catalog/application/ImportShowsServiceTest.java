package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.ImportShowsUseCase;
import io.freecast.catalog.port.in.ImportShowsUseCase.ImportShowsCommand;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryFeedReader;
import io.freecast.catalog.testing.MutableClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The import-shows rules on the in-memory store: placeholders, show-wide sources, seasons kept, all-or-nothing. */
class ImportShowsServiceTest {

    private static final FeedLocation FEED = FeedLocation.parse("shows.json");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryFeedReader feeds = new InMemoryFeedReader();
    private final ImportShowsUseCase importShows = UseCases.importShows(store.ports().shows(),
            store.ports().tombstones(), store.ports().transactions(), feeds, clock);

    private TaskReport importFeed(List<ShowDraft> shows, boolean placeholders) {
        feeds.shows(FEED, InMemoryFeedReader.showItems(shows));
        return importShows.importShows(new ImportShowsCommand(FEED, placeholders));
    }

    private Map<String, ShowTree> showsByTitle() {
        Map<String, ShowTree> byTitle = new LinkedHashMap<>();
        store.ports().queries().listShows(new ListQuery(Sort.BY_ID, null, PageRequest.first(500))).items()
                .forEach(tree -> byTitle.put(tree.show().title(), tree));
        return byTitle;
    }

    @Test
    void placeholdersGoOnlyToShowsWithoutSeasonsAndOnlyWhenSwitchedOn() {
        importFeed(List.of(show("bare", "Bare", List.of()), show("full", "Full", seasons("full", 1, 3))), true);
        importFeed(List.of(show("other", "Other", List.of())), false);

        Map<String, ShowTree> shows = showsByTitle();
        ShowTree bare = shows.get("Bare");
        assertThat(bare.seasons()).extracting(s -> s.season().number()).containsExactly(1, 2);
        assertThat(bare.seasons()).allSatisfy(season -> assertThat(season.episodes()).hasSize(Placeholders.EPISODES_PER_SEASON)
                .allSatisfy(episode -> assertThat(episode.sources()).singleElement().satisfies(source -> {
                    assertThat(source.url()).startsWith(Placeholders.URL_PREFIX);
                    assertThat(source.provider()).isEqualTo(Placeholders.PROVIDER);
                })));
        assertThat(shows.get("Full").seasons()).hasSize(1);
        assertThat(shows.get("Other").seasons()).isEmpty();

        // Once there, placeholders are the show's seasons: a second import with placeholders changes nothing.
        Object before = store.contents();
        TaskReport again = importFeed(List.of(show("bare", "Bare", List.of())), true);
        assertThat(again.counts()).containsEntry("unchanged", 1L);
        assertThat(store.contents()).isEqualTo(before);
    }

    @Test
    void showWideWebSourcesAreCountedAndExplainedButNotStored() {
        ShowDraft withSources = new ShowDraft(FeedKey.of("s", null, "S"), "s", null, "S", null, null, null, null, null,
                List.of(SourceDraft.of("https://web.example/s", "Web"), SourceDraft.of("https://web.example/t", null)),
                List.of());

        TaskReport report = importFeed(List.of(withSources), false);

        assertThat(report.count(ImportShowsService.SHOW_SOURCES_NOT_STORED)).isEqualTo(2);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("2 web sources given for whole shows"));
        assertThat(store.ports().sources().listAfter(0, 10)).isEmpty();
    }

    @Test
    void seasonsAndEpisodesMissingFromALaterFeedAreKept() {
        importFeed(List.of(show("s", "Show", seasons("s", 3, 2))), false);

        TaskReport report = importFeed(List.of(show("s", "Show", List.of(new SeasonDraft(2, "Season 2",
                List.of(io.freecast.catalog.testing.Drafts.episode(1, "https://cdn.example/shows/s/s2e1.m3u8")))))),
                false);

        assertThat(report.counts()).containsEntry("unchanged", 1L);
        assertThat(showsByTitle().get("Show").seasons()).hasSize(3)
                .allSatisfy(season -> assertThat(season.episodes()).hasSize(2));
    }

    @Test
    void anUnreadableFeedLeavesEveryShowAsItWas() {
        importFeed(List.of(show("s", "Show", seasons("s", 1, 1))), false);
        Object before = store.contents();
        List<ShowDraft> many = IntStream.range(0, FeedImport.BATCH_SIZE + 20)
                .mapToObj(i -> show("n" + i, "New " + i, seasons("n" + i, 1, 1))).toList();
        feeds.shows(FEED, InMemoryFeedReader.showItems(many)).cutOffAfter(FEED, FeedImport.BATCH_SIZE + 10, "truncated");

        TaskReport report = importShows.importShows(new ImportShowsCommand(FEED, true));

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).contains("truncated");
        assertThat(store.contents()).isEqualTo(before);
    }

    @Test
    void aFeedThatCannotBeReadAtAllFailsWithTheReadersReason() {
        TaskReport report = importShows.importShows(new ImportShowsCommand(FeedLocation.parse("missing.json"), false));

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).isEqualTo("cannot read missing.json: no such feed");
        assertThat(report.counts()).containsEntry("read", 0L);
    }

    @Test
    void anEpisodesSourcesFollowTheFeedAndKeepTheirCheckState() {
        importFeed(List.of(show("s", "Show", seasons("s", 1, 1))), false);
        Source stored = store.ports().sources().listAfter(0, 10).getFirst();
        store.ports().sources().saveChecks(List.of(new io.freecast.catalog.port.out.SourceRepository.SourceCheck(
                stored.id(), false, new io.freecast.catalog.domain.LinkState(clock.instant(), 503, 2, "server error"))));

        TaskReport report = importFeed(List.of(show("s", "Show", seasons("s", 1, 1))), false);

        assertThat(report.counts()).containsEntry("unchanged", 1L);
        Source after = store.ports().sources().listAfter(0, 10).getFirst();
        assertThat(after).isEqualTo(new Source(stored.id(), stored.owner(), stored.url(), stored.type(),
                stored.provider(), false, new io.freecast.catalog.domain.LinkState(clock.instant(), 503, 2, "server error")));
    }
}
