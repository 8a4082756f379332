package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.port.out.RatingRepository.RatingUpdate;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateRatingsRulesTest {

    private static final Instant LIMIT = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void whatTheProviderDoesNotSayKeepsTheCurrentRating() {
        RatingPair current = new RatingPair(Rating.of(7.1), null);
        RatingPair answer = new RatingPair(null, Rating.of(8.2));

        assertThat(UpdateRatingsService.merge(current, answer)).isEqualTo(new RatingPair(Rating.of(7.1), Rating.of(8.2)));
    }

    @Test
    void whatTheProviderSaysReplacesTheCurrentRating() {
        RatingPair current = new RatingPair(Rating.of(7.1), Rating.of(6.0));
        RatingPair answer = new RatingPair(Rating.of(7.4), null);

        assertThat(UpdateRatingsService.merge(current, answer)).isEqualTo(new RatingPair(Rating.of(7.4), Rating.of(6.0)));
    }

    @Test
    void neverRatedAndStaleTitlesAreDueAndFreshOnesAreNot() {
        assertThat(UpdateRatingsService.isDue(target(null), LIMIT)).isTrue();
        assertThat(UpdateRatingsService.isDue(target(LIMIT.minusSeconds(1)), LIMIT)).isTrue();
        assertThat(UpdateRatingsService.isDue(target(LIMIT), LIMIT)).isTrue();
        assertThat(UpdateRatingsService.isDue(target(LIMIT.plusSeconds(1)), LIMIT)).isFalse();
    }

    @Test
    void pendingRatingsComeBackInBatchesWithUnknownKeptUnknown() {
        PendingRatings pending = new PendingRatings();
        for (int i = 0; i < 1234; i++) {
            pending.add(i % 2 == 0 ? TitleKind.SHOW : TitleKind.MOVIE, i,
                    new RatingPair(i % 3 == 0 ? null : Rating.of(5.5), Rating.of(i % 10)));
        }
        List<Integer> sizes = new ArrayList<>();
        List<RatingUpdate> all = new ArrayList<>();
        pending.forEachBatch(500, LIMIT, batch -> {
            sizes.add(batch.size());
            all.addAll(batch);
        });

        assertThat(sizes).containsExactly(500, 500, 234);
        assertThat(all.get(3)).isEqualTo(new RatingUpdate(TitleKind.MOVIE, 3, new RatingPair(null, Rating.of(3)), LIMIT));
        assertThat(all.get(4)).isEqualTo(new RatingUpdate(TitleKind.SHOW, 4,
                new RatingPair(Rating.of(5.5), Rating.of(4)), LIMIT));
    }

    private static RatingTarget target(Instant ratedAt) {
        return new RatingTarget(TitleKind.MOVIE, 1, "Copper Valley", 2019, RatingPair.UNKNOWN, ratedAt);
    }
}
