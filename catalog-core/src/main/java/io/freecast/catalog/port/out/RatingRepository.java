package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.RatingField;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The ratings side of shows and movies. */
public interface RatingRepository {

    /**
     * Lists titles where any of {@code fields} was not checked since {@code checkedBefore} (or never), shows
     * before movies, each by id, starting after {@code after} ({@code null} for the start): a keyset walk
     * that never repeats or skips.
     */
    List<RatingTarget> listDue(Set<RatingField> fields, Instant checkedBefore, RatingTarget after, int limit);

    /** {@link #listDue(Set, Instant, RatingTarget, int)} for either field. */
    default List<RatingTarget> listDue(Instant checkedBefore, RatingTarget after, int limit) {
        return listDue(RatingField.all(), checkedBefore, after, limit);
    }

    /**
     * How many titles {@link #listDue(Set, Instant, RatingTarget, int)} would list from the start: what a
     * ratings run leaves due for the next one. One count, not a walk.
     */
    long countDue(Set<RatingField> fields, Instant checkedBefore);

    /**
     * Writes what a provider answered about many titles in one batch, each as {@link RatingUpdate} says.
     * A rating a person set by hand (locked) keeps its value whatever the update says.
     */
    void saveAll(List<RatingUpdate> updates);

    /**
     * What a provider answered about one title, and how it is written:
     * <ul>
     *   <li>a field in {@code sourceOf} (the provider is that field's source) takes the answer when the answer
     *       knows it, and keeps its value when not; its check time becomes {@code checkedAt};</li>
     *   <li>any other field takes the answer only when the field is unknown at the moment of writing (a
     *       provider's mirror of another site's rating fills a gap, never replaces the source's value); its
     *       check time stays as it was.</li>
     * </ul>
     * Decided per field at the moment of writing, so two providers' runs writing the same title at once each
     * keep the other's fields.
     *
     * @param answer    the provider's answer; {@code null} ratings are "not answered", never "make unknown"
     * @param sourceOf  the fields the provider is the source of; not empty
     */
    record RatingUpdate(RatingTarget.TitleKind kind, long id, RatingTarget.RatingPair answer,
                        Set<RatingField> sourceOf, Instant checkedAt) {
        public RatingUpdate {
            Objects.requireNonNull(kind, "kind");
            answer = answer == null ? RatingTarget.RatingPair.UNKNOWN : answer;
            sourceOf = Set.copyOf(sourceOf);
            if (sourceOf.isEmpty()) {
                throw new IllegalArgumentException("a rating update must name the fields its provider is the source of");
            }
            Objects.requireNonNull(checkedAt, "checkedAt");
        }

        /** An answer from a provider that is the source of both fields (the placeholder provider, tests). */
        public RatingUpdate(RatingTarget.TitleKind kind, long id, RatingTarget.RatingPair answer, Instant checkedAt) {
            this(kind, id, answer, RatingField.all(), checkedAt);
        }
    }
}
