package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.UpdateRatingsUseCase.UpdateRatingsCommand;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryRatingProvider;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ratings from two providers, each the source of one field (an omdb-like one of imdb_rating, a kinopoisk-like
 * one of kinopoisk_rating that also mirrors IMDb ratings): staleness per provider, which answer wins, and
 * the per-field tasks, through the catalog on the in-memory store.
 */
class RatingsFromTwoProvidersTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryRatingProvider omdb = new InMemoryRatingProvider("omdb", Set.of(RatingField.IMDB))
            .knows("Copper Valley", new RatingPair(Rating.of(7.4), null))
            .knows("Night Shift", new RatingPair(Rating.of(8.0), null));
    private final InMemoryRatingProvider kinopoisk = new InMemoryRatingProvider("kinopoisk", Set.of(RatingField.KINOPOISK))
            .knows("Copper Valley", new RatingPair(Rating.of(5.5), Rating.of(7.3)))
            .knows("Night Shift", new RatingPair(null, Rating.of(8.6)))
            .knows("Quiet Film", new RatingPair(Rating.of(6.1), Rating.of(6.9)));

    @BeforeEach
    void seed() {
        store.ports().shows().upsertAll(List.of(show("s1", "Night Shift", List.of())), List.of());
        store.ports().movies().upsertAll(List.of(movie("m1", "Copper Valley"), movie("m2", "Quiet Film")));
    }

    private Catalog catalog() {
        return Catalog.builder().storage(store).ratingSources(List.of(omdb, kinopoisk)).ratingsStaleAfter(DAY)
                .clock(clock).nodeName("test").build();
    }

    private Map<String, RatingTarget> titles() {
        Map<String, RatingTarget> byTitle = new LinkedHashMap<>();
        store.ports().ratings().listDue(clock.instant().plusSeconds(3600), null, 100)
                .forEach(t -> byTitle.put(t.title(), t));
        return byTitle;
    }

    @Test
    void omdbRightAfterKinopoiskStillAsksEveryTitle() {
        Catalog catalog = catalog();
        TaskReport kinopoiskRun = catalog.run(TaskName.UPDATE_KINOPOISK_RATINGS);
        clock.advance(Duration.ofMinutes(1));

        TaskReport omdbRun = catalog.run(TaskName.UPDATE_IMDB_RATINGS);

        assertThat(kinopoiskRun.counts()).containsEntry("checked", 3L);
        assertThat(omdbRun.succeeded()).as(omdbRun.error()).isTrue();
        assertThat(omdbRun.counts()).containsEntry("checked", 3L).containsEntry("skipped", 0L);
        assertThat(omdb.asked()).extracting(RatingTarget::title)
                .containsExactly("Night Shift", "Copper Valley", "Quiet Film");
        Map<String, RatingTarget> titles = titles();
        assertThat(titles.get("Copper Valley").current()).isEqualTo(new RatingPair(Rating.of(7.4), Rating.of(7.3)));
        assertThat(titles.get("Night Shift").current()).isEqualTo(new RatingPair(Rating.of(8.0), Rating.of(8.6)));
        assertThat(titles.get("Copper Valley").checked())
                .isEqualTo(new CheckedAt(T0.plus(Duration.ofMinutes(1)), T0));
    }

    @Test
    void eachProviderSkipsOnlyWhatItChecked() {
        Catalog catalog = catalog();
        catalog.run(TaskName.UPDATE_IMDB_RATINGS);
        catalog.run(TaskName.UPDATE_KINOPOISK_RATINGS);
        clock.advance(Duration.ofHours(1));

        assertThat(catalog.run(TaskName.UPDATE_IMDB_RATINGS).counts()).containsEntry("checked", 0L).containsEntry("skipped", 3L);
        assertThat(catalog.run(TaskName.UPDATE_KINOPOISK_RATINGS).counts()).containsEntry("checked", 0L)
                .containsEntry("skipped", 3L);
        clock.advance(DAY);
        assertThat(catalog.run(TaskName.UPDATE_IMDB_RATINGS).counts()).containsEntry("checked", 3L);
    }

    @Test
    void theSourceOfImdbRatingWinsOverKinopoisksMirrorWhicheverRunsFirst() {
        Catalog catalog = catalog();
        // kinopoisk first: its IMDb mirror fills the unknown imdb_rating of Copper Valley and Quiet Film.
        catalog.run(TaskName.UPDATE_KINOPOISK_RATINGS);
        assertThat(titles().get("Copper Valley").current().imdb()).isEqualTo(Rating.of(5.5));

        // omdb, the source, replaces it; it does not know Quiet Film, whose mirrored rating stays.
        clock.advance(Duration.ofMinutes(1));
        catalog.run(TaskName.UPDATE_IMDB_RATINGS);
        assertThat(titles().get("Copper Valley").current().imdb()).isEqualTo(Rating.of(7.4));
        assertThat(titles().get("Quiet Film").current().imdb()).isEqualTo(Rating.of(6.1));

        // kinopoisk again a day later: its mirror no longer touches omdb's value.
        clock.advance(DAY.plusMinutes(1));
        TaskReport again = catalog.run(TaskName.UPDATE_KINOPOISK_RATINGS);
        assertThat(again.counts()).containsEntry("checked", 3L).containsEntry("updated", 0L);
        assertThat(titles().get("Copper Valley").current()).isEqualTo(new RatingPair(Rating.of(7.4), Rating.of(7.3)));
    }

    @Test
    void eachProvidersRunIsRecordedUnderItsFieldsTaskAndSaysWhichFieldItFills() {
        Catalog catalog = catalog();

        TaskReport report = catalog.updateRatings(RatingField.IMDB, new UpdateRatingsCommand(DAY));

        assertThat(report.task()).isEqualTo(TaskName.UPDATE_IMDB_RATINGS);
        assertThat(report.notes()).first().isEqualTo("ratings from provider 'omdb', the source of imdb_rating");
        assertThat(store.taskRuns().findLatest(TaskName.UPDATE_IMDB_RATINGS)).isPresent();
        assertThat(store.taskRuns().findLatest(TaskName.UPDATE_KINOPOISK_RATINGS)).isEmpty();
        assertThat(store.taskRuns().findLatest(TaskName.UPDATE_RATINGS)).isEmpty();
        assertThat(kinopoisk.asked()).isEmpty();
        assertThat(catalog.ratingSource(RatingField.KINOPOISK)).contains(kinopoisk);
    }

    @Test
    void aFieldWithoutAProviderFailsItsRunSayingWhatToGive() {
        Catalog catalog = Catalog.builder().storage(store).ratingSources(List.of(omdb)).clock(clock).build();

        TaskReport report = catalog.run(TaskName.UPDATE_KINOPOISK_RATINGS);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).contains("ratingSources");
    }

    @Test
    void twoSourcesOfOneFieldOrAProviderOfBothFieldsAreRefused() {
        InMemoryRatingProvider otherImdb = new InMemoryRatingProvider("imdb-dump", Set.of(RatingField.IMDB));
        InMemoryRatingProvider both = new InMemoryRatingProvider("random", true);

        assertThatThrownBy(() -> Catalog.builder().ratingSources(List.of(omdb, otherImdb)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ratings providers 'omdb' and 'imdb-dump' are both the source of imdb_rating; keep one");
        assertThatThrownBy(() -> Catalog.builder().ratingSources(List.of(both)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'random' is the source of both");
    }
}
