package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.UpdateRatingsUseCase.UpdateRatingsCommand;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryRatingProvider;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The update-ratings rules through the catalog, on the in-memory store and provider. */
class UpdateRatingsServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryRatingProvider provider = new InMemoryRatingProvider()
            .knows("Copper Valley", new RatingPair(Rating.of(7.0), Rating.of(7.3)))
            .knows("Night Shift", new RatingPair(Rating.of(8.2), null))
            .knows("Rated Film", new RatingPair(null, Rating.of(8.1)));

    @BeforeEach
    void seed() {
        store.ports().shows().upsertAll(List.of(show("s1", "Night Shift", List.of())), List.of());
        store.ports().movies().upsertAll(List.of(movie("m1", "Copper Valley"),
                movie("m2", "Rated Film", 6.6, null, List.of()), movie("m3", "Nobody Knows This Film")));
    }

    private Catalog catalog(InMemoryRatingProvider ratings) {
        return Catalog.builder().storage(store).ratingProvider(ratings).clock(clock).nodeName("test").build();
    }

    private TaskReport run(Duration staleAfter) {
        return catalog(provider).updateRatings(new UpdateRatingsCommand(staleAfter));
    }

    private Map<String, RatingTarget> titles() {
        Map<String, RatingTarget> byTitle = new LinkedHashMap<>();
        store.ports().ratings().listDue(clock.instant().plusSeconds(3600), null, 100)
                .forEach(t -> byTitle.put(t.title(), t));
        return byTitle;
    }

    @Test
    void ratesWhatTheProviderKnowsKeepsWhatItDoesNotSayAndLeavesUnknownUnknown() {
        TaskReport report = run(Duration.ofHours(24));

        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.counts()).containsExactly(Map.entry("checked", 4L), Map.entry("updated", 3L),
                Map.entry("unchanged", 0L), Map.entry("not_found", 1L), Map.entry("skipped", 0L));
        Map<String, RatingTarget> titles = titles();
        assertThat(titles.get("Copper Valley").current()).isEqualTo(new RatingPair(Rating.of(7.0), Rating.of(7.3)));
        assertThat(titles.get("Night Shift").kind()).isEqualTo(TitleKind.SHOW);
        assertThat(titles.get("Night Shift").current()).isEqualTo(new RatingPair(Rating.of(8.2), null));
        assertThat(titles.get("Rated Film").current()).isEqualTo(new RatingPair(Rating.of(6.6), Rating.of(8.1)));
        assertThat(titles.get("Nobody Knows This Film").current()).isEqualTo(RatingPair.UNKNOWN);
        assertThat(titles.values()).allSatisfy(t -> assertThat(t.checked()).isEqualTo(CheckedAt.both(T0)));
        assertThat(report.notes()).first()
                .isEqualTo("ratings from provider 'in-memory', the source of imdb_rating and kinopoisk_rating");
    }

    @Test
    void showsAreAskedAboutBeforeMoviesEachInIdOrder() {
        run(Duration.ZERO);

        assertThat(provider.asked()).extracting(RatingTarget::title)
                .containsExactly("Night Shift", "Copper Valley", "Rated Film", "Nobody Knows This Film");
    }

    @Test
    void titlesRatedWithinTheStalenessLimitAreSkippedAndNotAskedAgain() {
        run(Duration.ofHours(24));
        int asked = provider.asked().size();
        clock.advance(Duration.ofHours(1));

        TaskReport again = run(Duration.ofHours(24));
        assertThat(again.counts()).containsEntry("checked", 0L).containsEntry("skipped", 4L);
        assertThat(again.notes()).contains("4 titles were rated within the last PT24H and were skipped");
        assertThat(provider.asked()).hasSize(asked);

        clock.advance(Duration.ofHours(24));
        TaskReport stale = run(Duration.ofHours(24));
        assertThat(stale.counts()).containsEntry("checked", 4L).containsEntry("unchanged", 3L)
                .containsEntry("not_found", 1L).containsEntry("skipped", 0L);
    }

    @Test
    void aProviderThatFailsHalfWayFailsTheRunAndChangesNothing() {
        Object before = store.contents();
        InMemoryRatingProvider failing = new InMemoryRatingProvider()
                .knows("Night Shift", new RatingPair(Rating.of(8.2), null)).unavailableAfter(2, "quota exhausted");

        TaskReport report = catalog(failing).updateRatings(new UpdateRatingsCommand(Duration.ZERO));

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).isEqualTo("in-memory is unavailable: quota exhausted");
        assertThat(store.contents()).isEqualTo(before);
        assertThat(store.taskRuns().findLatest(TaskName.UPDATE_RATINGS)).hasValueSatisfying(runRecord -> {
            assertThat(runRecord.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(runRecord.error()).contains("quota exhausted");
        });
    }

    @Test
    void aPlaceholderProviderSaysItsRatingsAreNotReal() {
        TaskReport report = catalog(new InMemoryRatingProvider("random", true))
                .updateRatings(new UpdateRatingsCommand(Duration.ZERO));

        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("ratings are placeholders"));
    }

    @Test
    void manyTitlesAreWalkedPageByPageAndWrittenInBatchesInOneTransaction() {
        int titles = UpdateRatingsService.PAGE_SIZE * 2 + 7;
        store.ports().movies().upsertAll(IntStream.range(0, titles).mapToObj(i -> movie("bulk" + i, "Bulk " + i)).toList());
        InMemoryRatingProvider everything = new InMemoryRatingProvider();
        IntStream.range(0, titles).forEach(i -> everything.knows("Bulk " + i, new RatingPair(Rating.of(5.0), null)));
        long commitsBefore = store.commits();
        List<Long> progress = new ArrayList<>();

        TaskReport report = catalog(everything).updateRatings(new UpdateRatingsCommand(Duration.ZERO, progress::add));

        assertThat(report.counts()).containsEntry("checked", titles + 4L).containsEntry("updated", (long) titles);
        assertThat(everything.asked()).extracting(t -> t.kind() + ":" + t.id()).doesNotHaveDuplicates().hasSize(titles + 4);
        assertThat(store.commits() - commitsBefore).as("the writes commit together").isEqualTo(1);
        assertThat(progress).isSorted().last().isEqualTo(titles + 4L);
        assertThat(titles()).allSatisfy((title, target) -> assertThat(target.checked()).isEqualTo(CheckedAt.both(T0)));
    }
}
