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
 * The answers an update-ratings run has collected and not yet written: at most one write batch, kept as
 * primitive columns (about 25 bytes a title), so a run's memory depends on the batch size and never on how
 * many titles the catalog has. These are the provider's answers, not the merged result: the storage applies
 * them field by field at the moment of writing ({@link RatingUpdate}). A rating the provider did not give is
 * kept as NaN.
 */
final class PendingRatings {

    private final TitleKind[] kinds;
    private final long[] ids;
    private final double[] imdb;
    private final double[] kinopoisk;
    private int size;

    /** @param capacity the most answers held before they must be written ({@link #clear()} after writing) */
    PendingRatings(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, got " + capacity);
        }
        kinds = new TitleKind[capacity];
        ids = new long[capacity];
        imdb = new double[capacity];
        kinopoisk = new double[capacity];
    }

    /** Keeps one answer; refused when full, as the buffer never grows past its capacity. */
    void add(TitleKind kind, long id, RatingPair ratings) {
        if (isFull()) {
            throw new IllegalStateException("pending ratings are full (" + ids.length + "): write them first");
        }
        kinds[size] = kind;
        ids[size] = id;
        imdb[size] = valueOf(ratings.imdb());
        kinopoisk[size] = valueOf(ratings.kinopoisk());
        size++;
    }

    boolean isFull() {
        return size == ids.length;
    }

    /** Forgets every answer held: after they were written, or when they are dropped. */
    void clear() {
        Arrays.fill(kinds, 0, size, null);
        size = 0;
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
