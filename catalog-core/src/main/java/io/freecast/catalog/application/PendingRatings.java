package io.freecast.catalog.application;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.port.out.RatingRepository.RatingUpdate;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ratings an update-ratings run has collected and not yet written, kept as primitive columns
 * (about 25 bytes a title) so that holding a whole run until its single write costs little memory:
 * 10,000 titles take a quarter of a megabyte. These are the provider's answers, not the merged result: the
 * storage applies them field by field at the moment of writing ({@link RatingUpdate}). A rating the provider
 * did not give is kept as NaN.
 */
final class PendingRatings {

    private TitleKind[] kinds = new TitleKind[256];
    private long[] ids = new long[256];
    private double[] imdb = new double[256];
    private double[] kinopoisk = new double[256];
    private int size;

    void add(TitleKind kind, long id, RatingPair ratings) {
        if (size == ids.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            ids = Arrays.copyOf(ids, capacity);
            imdb = Arrays.copyOf(imdb, capacity);
            kinopoisk = Arrays.copyOf(kinopoisk, capacity);
        }
        kinds[size] = kind;
        ids[size] = id;
        imdb[size] = valueOf(ratings.imdb());
        kinopoisk[size] = valueOf(ratings.kinopoisk());
        size++;
    }

    int size() {
        return size;
    }

    /**
     * Hands the pending updates to {@code batchWriter} in batches of at most {@code batchSize}, each for a
     * provider that is the source of {@code sourceOf}, checked at {@code checkedAt}.
     */
    void forEachBatch(int batchSize, Set<RatingField> sourceOf, Instant checkedAt,
                      Consumer<List<RatingUpdate>> batchWriter) {
        for (int start = 0; start < size; start += batchSize) {
            int end = Math.min(size, start + batchSize);
            List<RatingUpdate> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(new RatingUpdate(kinds[i], ids[i], new RatingPair(ratingOf(imdb[i]), ratingOf(kinopoisk[i])),
                        sourceOf, checkedAt));
            }
            batchWriter.accept(batch);
        }
    }

    private static double valueOf(Rating rating) {
        return rating == null ? Double.NaN : rating.value();
    }

    private static Rating ratingOf(double value) {
        return Double.isNaN(value) ? null : Rating.of(value);
    }
}
