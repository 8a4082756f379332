package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.port.out.RatingRepository.RatingUpdate;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import io.freecast.catalog.testing.InMemoryRatingProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateRatingsRulesTest {

    private static final Instant LIMIT = Instant.parse("2026-11-24T12:00:00Z");
    private static final Set<RatingField> BOTH = RatingField.all();
    private static final Set<RatingField> IMDB = Set.of(RatingField.IMDB);
    private static final Set<RatingField> KINOPOISK = Set.of(RatingField.KINOPOISK);

    @Test
    void whatTheProviderDoesNotSayKeepsTheCurrentRating() {
        RatingPair current = new RatingPair(Rating.of(7.1), null);
        RatingPair answer = new RatingPair(null, Rating.of(8.2));

        assertThat(UpdateRatingsService.merge(current, answer, BOTH))
                .isEqualTo(new RatingPair(Rating.of(7.1), Rating.of(8.2)));
    }

    @Test
    void whatTheProviderSaysReplacesTheCurrentRating() {
        RatingPair current = new RatingPair(Rating.of(7.1), Rating.of(6.0));
        RatingPair answer = new RatingPair(Rating.of(7.4), null);

        assertThat(UpdateRatingsService.merge(current, answer, BOTH))
                .isEqualTo(new RatingPair(Rating.of(7.4), Rating.of(6.0)));
    }

    @Test
    void theSourceOfAFieldWinsAndAnotherProvidersAnswerOnlyFillsAnUnknownField() {
        RatingPair known = new RatingPair(Rating.of(7.1), Rating.of(6.0));
        RatingPair unknownImdb = new RatingPair(null, Rating.of(6.0));
        RatingPair kinopoiskAnswer = new RatingPair(Rating.of(5.5), Rating.of(6.4));

        // kinopoisk is the source of kinopoisk_rating only: its IMDb mirror fills a gap, never replaces.
        assertThat(UpdateRatingsService.merge(known, kinopoiskAnswer, KINOPOISK))
                .isEqualTo(new RatingPair(Rating.of(7.1), Rating.of(6.4)));
        assertThat(UpdateRatingsService.merge(unknownImdb, kinopoiskAnswer, KINOPOISK))
                .isEqualTo(new RatingPair(Rating.of(5.5), Rating.of(6.4)));
        // omdb is the source of imdb_rating: its answer replaces whatever filled the field before.
        assertThat(UpdateRatingsService.merge(new RatingPair(Rating.of(5.5), Rating.of(6.4)),
                new RatingPair(Rating.of(7.4), null), IMDB)).isEqualTo(new RatingPair(Rating.of(7.4), Rating.of(6.4)));
    }

    @Test
    void neverRatedAndStaleTitlesAreDueAndFreshOnesAreNot() {
        assertThat(UpdateRatingsService.isDue(target(CheckedAt.NEVER), BOTH, LIMIT)).isTrue();
        assertThat(UpdateRatingsService.isDue(target(CheckedAt.both(LIMIT.minusSeconds(1))), BOTH, LIMIT)).isTrue();
        assertThat(UpdateRatingsService.isDue(target(CheckedAt.both(LIMIT)), BOTH, LIMIT)).isTrue();
        assertThat(UpdateRatingsService.isDue(target(CheckedAt.both(LIMIT.plusSeconds(1))), BOTH, LIMIT)).isFalse();
    }

    @Test
    void stalenessIsPerProviderEachLookingAtTheFieldsItIsTheSourceOf() {
        RatingTarget checkedByKinopoiskOnly = target(new CheckedAt(null, LIMIT.plusSeconds(1)));

        assertThat(UpdateRatingsService.isDue(checkedByKinopoiskOnly, KINOPOISK, LIMIT)).isFalse();
        assertThat(UpdateRatingsService.isDue(checkedByKinopoiskOnly, IMDB, LIMIT)).isTrue();
        assertThat(UpdateRatingsService.isDue(checkedByKinopoiskOnly, BOTH, LIMIT)).as("one field due is enough").isTrue();
    }

    @Test
    void aProviderThatIsTheSourceOfNoFieldCannotRun() {
        assertThatThrownBy(() -> UpdateRatingsService.sourceFields(new InMemoryRatingProvider("nothing", Set.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'nothing' is the source of no rating field");
    }

    @Test
    void pendingRatingsComeBackInBatchesWithUnknownKeptUnknown() {
        PendingRatings pending = new PendingRatings(1234);
        for (int i = 0; i < 1234; i++) {
            pending.add(i % 2 == 0 ? TitleKind.SHOW : TitleKind.MOVIE, i,
                    new RatingPair(i % 3 == 0 ? null : Rating.of(5.5), Rating.of(i % 10)));
        }
        List<Integer> sizes = new ArrayList<>();
        List<RatingUpdate> all = new ArrayList<>();
        pending.forEachBatch(500, IMDB, LIMIT, batch -> {
            sizes.add(batch.size());
            all.addAll(batch);
        });

        assertThat(sizes).containsExactly(500, 500, 234);
        assertThat(all.get(3)).isEqualTo(new RatingUpdate(TitleKind.MOVIE, 3, new RatingPair(null, Rating.of(3)), IMDB, LIMIT));
        assertThat(all.get(4)).isEqualTo(new RatingUpdate(TitleKind.SHOW, 4,
                new RatingPair(Rating.of(5.5), Rating.of(4)), IMDB, LIMIT));
    }

    @Test
    void pendingRatingsNeverGrowPastTheirCapacityAndAreEmptyAgainOnceCleared() {
        PendingRatings pending = new PendingRatings(2);
        pending.add(TitleKind.MOVIE, 1, RatingPair.UNKNOWN);
        pending.add(TitleKind.MOVIE, 2, RatingPair.UNKNOWN);

        assertThat(pending.isFull()).isTrue();
        assertThatThrownBy(() -> pending.add(TitleKind.MOVIE, 3, RatingPair.UNKNOWN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("write them first");
        pending.clear();
        assertThat(pending.size()).isZero();
        pending.add(TitleKind.SHOW, 4, RatingPair.UNKNOWN);
        List<RatingUpdate> all = new ArrayList<>();
        pending.forEachBatch(10, IMDB, LIMIT, all::addAll);
        assertThat(all).extracting(RatingUpdate::id).containsExactly(4L);
    }

    @Test
    void aRatingUpdateMustNameTheFieldsItsProviderIsTheSourceOf() {
        assertThatThrownBy(() -> new RatingUpdate(TitleKind.MOVIE, 1, RatingPair.UNKNOWN, Set.of(), LIMIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RatingTarget target(CheckedAt checked) {
        return new RatingTarget(TitleKind.MOVIE, 1, "Copper Valley", 2019, RatingPair.UNKNOWN, checked);
    }
}
