package io.freecast.catalog.application;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.UpdateRatingsUseCase;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes ratings: walks the titles that are due for this provider (a field it is the source of was never
 * checked, or checked before {@code now - staleAfter}) in keyset pages, asks the provider about each, and
 * writes what it learned as it goes.
 *
 * <p>Staleness is per provider: each rating field has its own check time, stamped only by the provider that
 * is its source ({@link RatingProvider#fills()}), so a kinopoisk run never makes omdb's work look done. Which
 * answer wins, field by field ({@link #merge}): the field's source replaces the value with what it knows;
 * another provider's answer for that field (kinopoisk mirrors the IMDb rating) only fills it while unknown;
 * a locked (hand-edited) field keeps its value whatever anyone answers.
 *
 * <p><b>Written as it goes, resumable.</b> A paced run over a large catalog takes days (a million titles at
 * 5 requests a second: more than two), so answers are never held for the end: they wait in
 * {@link PendingRatings} until {@link #WRITE_BATCH_SIZE} of them were collected or {@link #WRITE_EVERY} has
 * passed since the last write, whichever comes first, and are then written in a short transaction of their
 * own (no provider call ever happens inside one: SQLite has a single write lock). Memory is one batch,
 * whatever the number of titles. A written title is stamped, so it is no longer due: a run that fails, is
 * stopped or is killed keeps every batch it wrote, and the next run simply walks the titles still due —
 * including those that were asked but whose answers had not been written yet (at most one batch, or a few
 * seconds of asking). When the provider fails half-way the answers already received are written before the
 * run ends; when the run is stopped (a shutdown) they are dropped, and asked again next time.
 *
 * <p>Every title that was asked is stamped as checked (for the fields the provider is the source of),
 * whether the provider knew it or not: a paid API is
 * not asked again about the same unknown title every few minutes. A title the provider does not know
 * keeps the ratings it had (unknown stays unknown — never 0, never random); a rating the provider does
 * not give (the other site's) is kept too.
 *
 * <p>Every report, whatever the ending, counts {@code written} (titles whose answers this run wrote) and
 * {@code left} (titles still due when the run ended: what the next run will ask about).
 */
final class UpdateRatingsService implements UpdateRatingsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateRatingsService.class);

    static final int PAGE_SIZE = 500;
    /** The most answers held unwritten: a batch is written when it has this many. */
    static final int WRITE_BATCH_SIZE = 500;
    /** The longest answers wait unwritten, so a kill loses only this much asking, whatever the rate limit. */
    static final Duration WRITE_EVERY = Duration.ofSeconds(3);
    static final int PROGRESS_EVERY = 10;

    private final TaskName task;
    private final RatingRepository ratings;
    private final Transactions transactions;
    private final RatingProvider provider;
    private final Clock clock;
    private final BatchRetry batches;

    UpdateRatingsService(TaskName task, RatingRepository ratings, Transactions transactions, RatingProvider provider,
                         Clock clock) {
        this(task, ratings, transactions, provider, clock, BatchRetry.sleeping(clock));
    }

    UpdateRatingsService(TaskName task, RatingRepository ratings, Transactions transactions, RatingProvider provider,
                         Clock clock, BatchRetry batches) {
        this.task = task;
        this.ratings = ratings;
        this.transactions = transactions;
        this.provider = provider;
        this.clock = clock;
        this.batches = batches;
    }

    @Override
    public TaskReport updateRatings(UpdateRatingsCommand command) {
        Set<RatingField> fields = sourceFields(provider);
        Run run = new Run(fields, clock.instant(), command);
        try {
            run.walk();
        } catch (RuntimeException e) {
            return run.ended(e);
        }
        command.progress().itemsDone(run.checked);
        List<String> notes = run.notes();
        Long left = run.countLeft(notes);
        return TaskReport.succeeded(task, run.startedAt, clock.instant(), run.counts(left), List.of(), notes);
    }

    /** A provider call that failed (as opposed to the storage): the answers received before it are still good. */
    private static final class ProviderFailure extends RuntimeException {
        ProviderFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** One run's walk, its counts and its unwritten answers. */
    private final class Run {

        final Set<RatingField> fields;
        final Instant startedAt;
        final Instant ratedBefore;
        final UpdateRatingsCommand command;
        final PendingRatings pending = new PendingRatings(WRITE_BATCH_SIZE);
        Instant lastWrite;
        long checked;
        long updated;
        long unchanged;
        long notFound;
        long skipped;
        long written;

        Run(Set<RatingField> fields, Instant startedAt, UpdateRatingsCommand command) {
            this.fields = fields;
            this.startedAt = startedAt;
            this.ratedBefore = startedAt.minus(command.staleAfter());
            this.command = command;
            this.lastWrite = startedAt;
        }

        /**
         * Walks every title not checked since the run started, so the report can say how many were skipped as
         * fresh; the walk reads a page of small rows at a time, which costs far less than one provider call.
         * The titles this run writes are stamped after its start, so they never come round again in its walk.
         */
        void walk() {
            RatingTarget after = null;
            for (List<RatingTarget> page = ratings.listDue(fields, startedAt, null, PAGE_SIZE); !page.isEmpty();
                    page = ratings.listDue(fields, startedAt, after, PAGE_SIZE)) {
                for (RatingTarget title : page) {
                    // A shutdown stops the run here: what was written stays, the answers not yet written are dropped.
                    RunUnderWay.throwIfStopRequested();
                    if (!isDue(title, fields, ratedBefore)) {
                        skipped++;
                        continue;
                    }
                    ask(title);
                    if (pending.isFull() || !clock.instant().isBefore(lastWrite.plus(WRITE_EVERY))) {
                        write();
                    }
                }
                after = page.get(page.size() - 1);
                if (page.size() < PAGE_SIZE) {
                    break;
                }
            }
            write();
        }

        private void ask(RatingTarget title) {
            Optional<RatingPair> found;
            try {
                found = provider.findRatings(title);
            } catch (RuntimeException e) {
                throw new ProviderFailure(e);
            }
            RatingPair next = found.map(answer -> merge(title.current(), answer, fields)).orElse(title.current());
            if (found.isEmpty()) {
                notFound++;
            } else if (next.equals(title.current())) {
                unchanged++;
            } else {
                updated++;
            }
            pending.add(title.kind(), title.id(), found.orElse(RatingPair.UNKNOWN));
            checked++;
            if (checked % PROGRESS_EVERY == 0) {
                command.progress().itemsDone(checked);
            }
        }

        /** Writes the answers held, in one short transaction of their own, stamped now. */
        void write() {
            Instant now = clock.instant();
            lastWrite = now;
            if (pending.size() == 0) {
                return;
            }
            // Refused for now (an import holding a title's row on PostgreSQL, a blip): written again (BatchRetry).
            batches.write(() -> transactions.inTransaction(() -> {
                pending.forEachBatch(WRITE_BATCH_SIZE, fields, now, ratings::saveAll);
                return null;
            }));
            written += pending.size();
            pending.clear();
        }

        /**
         * The report of a run that did not get to its end: interrupted when it was asked to stop, failed
         * otherwise; either way with what it wrote (kept) and what is left, in the counts and in the one line.
         */
        TaskReport ended(RuntimeException e) {
            String stopReason = RunUnderWay.stopReasonHere();
            RuntimeException cause = e instanceof ProviderFailure && e.getCause() instanceof RuntimeException c ? c : e;
            List<String> notes = notes();
            if (stopReason == null && e instanceof ProviderFailure) {
                try {
                    write();
                } catch (RuntimeException writeFailed) {
                    notes.add("the answers received since the last write could not be written: "
                            + TaskRecorder.oneLine(writeFailed));
                }
            }
            int dropped = pending.size();
            pending.clear();
            if (dropped > 0) {
                notes.add(dropped + " answers received since the last write were not written; those titles are "
                        + "asked again next run");
            }
            Long left = countLeft(notes);
            String kept = "the ratings of " + written + (written == 1 ? " title" : " titles")
                    + " written by this run are kept"
                    + (left == null ? "" : "; " + left + (left == 1 ? " due title is" : " due titles are")
                            + " left for the next run");
            Map<String, Long> counts = counts(left);
            if (stopReason != null) {
                if (!(cause instanceof RunStoppedException)) {
                    notes.add("it ended with: " + TaskRecorder.oneLine(cause));
                }
                notes.add("stopped: " + kept);
                return TaskReport.interrupted(task, startedAt, clock.instant(), counts, notes, stopReason);
            }
            if (!(e instanceof ProviderFailure)) {
                LOG.warn("{} failed", task, cause);
            }
            return new TaskReport(task, startedAt, clock.instant(), TaskStatus.FAILED, counts, List.of(), notes,
                    TaskRecorder.oneLine(cause) + "; " + kept);
        }

        /**
         * How many titles are still due as this run saw them (checked at or before its staleness limit, and
         * not by this run); null, with a note, when the storage cannot tell now.
         */
        Long countLeft(List<String> notes) {
            Instant dueBefore = ratedBefore.plusMillis(1).isBefore(startedAt) ? ratedBefore.plusMillis(1) : startedAt;
            try {
                return ratings.countDue(fields, dueBefore);
            } catch (RuntimeException e) {
                notes.add("how many due titles are left could not be counted: " + TaskRecorder.oneLine(e));
                return null;
            }
        }

        Map<String, Long> counts(Long left) {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("checked", checked);
            counts.put("updated", updated);
            counts.put("unchanged", unchanged);
            counts.put("not_found", notFound);
            counts.put("skipped", skipped);
            counts.put("written", written);
            if (left != null) {
                counts.put("left", left);
            }
            return counts;
        }

        List<String> notes() {
            List<String> notes = new ArrayList<>();
            notes.add("ratings from provider '" + provider.name() + "', the source of "
                    + fields.stream().sorted().map(RatingField::fieldName).collect(Collectors.joining(" and ")));
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
}
