package io.freecast.catalog.testing;

import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A rating provider that knows what a test tells it, by title: a title it was not told about is unknown to it
 * (an empty answer, as a real API's "not found"). It can become unreachable after some questions, as an API that
 * runs out of quota mid-run does, and remembers every title it was asked about. Unless told otherwise it is
 * the source of both rating fields.
 */
public final class InMemoryRatingProvider implements RatingProvider {

    private final String name;
    private final boolean placeholder;
    private final Set<RatingField> fills;
    private final Map<String, RatingPair> known = new ConcurrentHashMap<>();
    private final List<RatingTarget> asked = new CopyOnWriteArrayList<>();
    private volatile int unavailableAfter = Integer.MAX_VALUE;
    private volatile String unavailableReason;

    public InMemoryRatingProvider() {
        this("in-memory", false);
    }

    /** @param placeholder whether its ratings are placeholders (reports then say so) */
    public InMemoryRatingProvider(String name, boolean placeholder) {
        this(name, placeholder, RatingField.all());
    }

    /** A provider that is the source of {@code fills} only (as omdb is of imdb_rating); not a placeholder. */
    public InMemoryRatingProvider(String name, Set<RatingField> fills) {
        this(name, false, fills);
    }

    private InMemoryRatingProvider(String name, boolean placeholder, Set<RatingField> fills) {
        this.name = name;
        this.placeholder = placeholder;
        this.fills = Set.copyOf(fills);
    }

    /** Answers {@code ratings} when asked about {@code title}. */
    public InMemoryRatingProvider knows(String title, RatingPair ratings) {
        known.put(title, ratings);
        return this;
    }

    /** Fails every question after the first {@code questions}, as an unreachable provider does. */
    public InMemoryRatingProvider unavailableAfter(int questions, String reason) {
        this.unavailableAfter = questions;
        this.unavailableReason = reason;
        return this;
    }

    /** Every title asked about, in order. */
    public List<RatingTarget> asked() {
        return List.copyOf(asked);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<RatingField> fills() {
        return fills;
    }

    @Override
    public boolean isPlaceholder() {
        return placeholder;
    }

    @Override
    public Optional<RatingPair> findRatings(RatingTarget title) {
        synchronized (asked) {
            if (asked.size() >= unavailableAfter) {
                throw new RatingProviderUnavailableException(name + " is unavailable: " + unavailableReason);
            }
            asked.add(title);
        }
        return Optional.ofNullable(known.get(title.title()));
    }
}
