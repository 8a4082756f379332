package io.freecast.catalog.application;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.UpdateRatingsUseCase;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refreshes ratings: walks the titles that are due for this provider (a field it is the source of was never
 * checked, or checked before {@code now - staleAfter}) in keyset pages, asks the provider about each, and
 * writes what it learned in batches.
 *
 * <p>Staleness is per provider: each rating field has its own check time, stamped only by the provider that
 * is its source ({@link RatingProvider#fills()}), so a kinopoisk run never makes omdb's work look done. Which
 * answer wins, field by field ({@link #merge}): the field's source replaces the value with what it knows;
 * another provider's answer for that field (kinopoisk mirrors the IMDb rating) only fills it while unknown;
 * a locked (hand-edited) field keeps its value whatever anyone answers.
 *
 * <p>A provider that cannot be reached half-way must leave the catalog as it was, so the run happens in
 * two phases: first every due title is asked and the answers are kept in {@link PendingRatings} (a few
 * primitives per title), then everything is written in batches inside one transaction. The transaction
 * is short (no provider call happens inside it), so a run that spends half an hour asking a
 * rate-limited API does not hold SQLite's single write lock for that half hour.
 *
 * <p>Every title that was asked is stamped as checked (for the fields the provider is the source of),
 * whether the provider knew it or not: a paid API is
 * not asked again about the same unknown title every few minutes. A title the provider does not know
 * keeps the ratings it had (unknown stays unknown — never 0, never random); a rating the provider does
 * not give (the other site's) is kept too.
 */
final class UpdateRatingsService implements UpdateRatingsUseCase {

    static final int PAGE_SIZE = 500;
    static final int WRITE_BATCH_SIZE = 500;
    static final int PROGRESS_EVERY = 10;

    private final TaskName task;
    private final RatingRepository ratings;
    private final Transactions transactions;
    private final RatingProvider provider;
    private final Clock clock;

    UpdateRatingsService(TaskName task, RatingRepository ratings, Transactions transactions, RatingProvider provider,
                         Clock clock) {
        this.task = task;
        this.ratings = ratings;
        this.transactions = transactions;
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public TaskReport updateRatings(UpdateRatingsCommand command) {
        Instant startedAt = clock.instant();
        Instant ratedBefore = startedAt.minus(command.staleAfter());
        Set<RatingField> fields = sourceFields(provider);
        PendingRatings pending = new PendingRatings();
        long checked = 0;
        long updated = 0;
        long unchanged = 0;
        long notFound = 0;
        long skipped = 0;

        // Walks every title (rated before now), so the report can say how many were skipped as fresh;
        // the walk reads a page of small rows at a time, which costs far less than one provider call.
        RatingTarget after = null;
        for (List<RatingTarget> page = ratings.listDue(fields, startedAt, null, PAGE_SIZE); !page.isEmpty();
                page = ratings.listDue(fields, startedAt, after, PAGE_SIZE)) {
            for (RatingTarget title : page) {
                // A shutdown stops the run here; nothing is written before the walk ends, so nothing is kept.
                RunUnderWay.throwIfStopRequested();
                if (!isDue(title, fields, ratedBefore)) {
                    skipped++;
                    continue;
                }
                checked++;
                if (checked % PROGRESS_EVERY == 0) {
                    command.progress().itemsDone(checked);
                }
                Optional<RatingPair> found = provider.findRatings(title);
                RatingPair next = found.map(answer -> merge(title.current(), answer, fields)).orElse(title.current());
                if (found.isEmpty()) {
                    notFound++;
                } else if (next.equals(title.current())) {
                    unchanged++;
                } else {
                    updated++;
                }
                pending.add(title.kind(), title.id(), found.orElse(RatingPair.UNKNOWN));
            }
            after = page.get(page.size() - 1);
            if (page.size() < PAGE_SIZE) {
                break;
            }
        }

        command.progress().itemsDone(checked);
        write(pending, fields);

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("checked", checked);
        counts.put("updated", updated);
        counts.put("unchanged", unchanged);
        counts.put("not_found", notFound);
        counts.put("skipped", skipped);
        return TaskReport.succeeded(task, startedAt, clock.instant(), counts, List.of(),
                notes(command, skipped));
    }

    /** The fields {@code provider} is the source of; a provider that is the source of none cannot run. */
    static Set<RatingField> sourceFields(RatingProvider provider) {
        Set<RatingField> fields = provider.fills();
        if (fields == null || fields.isEmpty()) {
            throw new IllegalStateException("the ratings provider '" + provider.name()
                    + "' is the source of no rating field; it has nothing to keep fresh");
        }
        return Set.copyOf(fields);
    }

    /** Due when a field the provider is the source of was never checked, or checked at or before the limit. */
    static boolean isDue(RatingTarget title, Set<RatingField> fields, Instant ratedBefore) {
        for (RatingField field : fields) {
            Instant checked = title.checked().get(field);
            if (checked == null || !checked.isAfter(ratedBefore)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ratings after an answer, field by field: a field {@code fields} names (the provider is its source)
     * takes the answer when the answer knows it; any other field takes the answer only while it is unknown.
     * An unknown answer never makes a known rating unknown. (Locks are the storage's to honour, at writing.)
     */
    static RatingPair merge(RatingPair current, RatingPair answer, Set<RatingField> fields) {
        RatingPair merged = current;
        for (RatingField field : RatingField.values()) {
            Rating answered = answer.get(field);
            if (answered == null) {
                continue;
            }
            if (fields.contains(field) || current.get(field) == null) {
                merged = merged.with(field, answered);
            }
        }
        return merged;
    }

    private void write(PendingRatings pending, Set<RatingField> fields) {
        if (pending.size() == 0) {
            return;
        }
        Instant checkedAt = clock.instant();
        transactions.inTransaction(() -> {
            pending.forEachBatch(WRITE_BATCH_SIZE, fields, checkedAt, ratings::saveAll);
            return null;
        });
    }

    private List<String> notes(UpdateRatingsCommand command, long skipped) {
        List<String> notes = new ArrayList<>();
        notes.add("ratings from provider '" + provider.name() + "', the source of "
                + sourceFields(provider).stream().sorted().map(RatingField::fieldName)
                        .collect(java.util.stream.Collectors.joining(" and ")));
        if (provider.isPlaceholder()) {
            notes.add("ratings are placeholders: random numbers from 5.0 to 9.0, not real ratings "
                    + "(choose a real provider with --provider kinopoisk or --provider omdb)");
        }
        if (skipped > 0) {
            notes.add(skipped + " titles were rated within the last " + command.staleAfter()
                    + " and were skipped");
        }
        return notes;
    }
}
