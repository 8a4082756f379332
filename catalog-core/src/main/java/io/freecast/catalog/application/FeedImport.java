package io.freecast.catalog.application;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.ImportProgress;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.port.out.UpsertTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One import run, fed item by item by a {@link io.freecast.catalog.port.out.FeedReader}: it tells
 * duplicates apart, collects accepted drafts into batches, hands each full batch to the repository and
 * counts what happened. It holds one batch at a time, so memory does not grow with the feed — except
 * for {@link SeenKeys}, 32 bytes per distinct item.
 *
 * <p><b>Deleted by hand:</b> an item whose key has a tombstone is not written, only counted as
 * {@code suppressed}, together with the seasons, episodes and sources the repository did not re-create for
 * the same reason; {@code locked} counts the items of which the repository kept a field locked by hand.
 *
 * <p><b>Duplicates:</b> the first item with a given {@link FeedKey} wins; every later one is rejected
 * with a reason naming the index of the first. First-wins keeps the decision local to the stream: an item
 * is final as soon as it is read, so batches can be written without looking ahead.
 *
 * @param <D> the draft type
 */
final class FeedImport<D> implements Consumer<FeedItem<D>> {

    /** Drafts per repository call: large enough to amortise round trips, small enough to bound memory. */
    static final int BATCH_SIZE = 500;
    /** Rejections listed in the report; the count is always complete. */
    static final int MAX_REJECTIONS_LISTED = 1_000;
    /** Item warnings (dropped sources, images) listed in the report's notes; the count is complete. */
    static final int MAX_WARNINGS_LISTED = 100;

    /**
     * Writes one batch; may add counts of its own (e.g. what it could not store) and count in {@code tally}
     * what hand edits held back.
     */
    @FunctionalInterface
    interface BatchWriter<D> {
        List<UpsertOutcome> write(List<D> batch, Map<String, Long> extraCounts, UpsertTally tally);
    }

    private final Function<D, FeedKey> keyOf;
    private final BatchWriter<D> writer;
    private final Map<String, Long> extraCounts = new LinkedHashMap<>();
    private final ImportProgress progress;
    private final SeenKeys seen = new SeenKeys();
    private final Supplier<Set<String>> tombstonedKeys;
    private Set<String> tombstoned;
    private final UpsertTally tally = new UpsertTally();
    private final List<D> batch = new ArrayList<>(BATCH_SIZE);
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private long read;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private long duplicates;
    private long warningCount;
    private long suppressed;

    /**
     * @param tombstonedKeys the feed keys of items deleted by hand ({@link io.freecast.catalog.port.out.Tombstones#feedKeys}),
     *                       asked once, when the first item arrives (inside the import's transaction): drafts
     *                       with one are not written, only counted as suppressed
     */
    FeedImport(Function<D, FeedKey> keyOf, Supplier<Set<String>> tombstonedKeys, BatchWriter<D> writer,
               ImportProgress progress) {
        this.keyOf = keyOf;
        this.tombstonedKeys = tombstonedKeys;
        this.writer = writer;
        this.progress = progress;
    }

    @Override
    public void accept(FeedItem<D> item) {
        // A run asked to stop (a shutdown) ends here, between two items: the exception rolls the import back.
        RunUnderWay.throwIfStopRequested();
        read++;
        switch (item) {
            case FeedItem.Rejected<D> r -> reject(r.index(), r.itemId(), r.reason());
            case FeedItem.Accepted<D> a -> accept(a);
        }
        if (read % BATCH_SIZE == 0) {
            progress.itemsRead(read);
        }
    }

    /** Writes the last, partial batch. Call once, after the reader returned normally. */
    void finish() {
        flush();
        progress.itemsRead(read);
    }

    long read() {
        return read;
    }

    /** @param storageUpkeep what the storage did after the import committed, in its own words: the last notes */
    TaskReport report(TaskName task, Instant startedAt, Instant finishedAt, List<String> storageUpkeep) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", read);
        counts.put("created", created);
        counts.put("updated", updated);
        counts.put("unchanged", unchanged);
        counts.put("rejected", rejected);
        counts.put("duplicates", duplicates);
        counts.put("warnings", warningCount);
        counts.put("suppressed", suppressed + tally.suppressedCount());
        counts.put("locked", tally.lockedCount());
        counts.putAll(extraCounts);
        List<String> notes = new ArrayList<>();
        if (rejected > rejections.size()) {
            notes.add("only the first " + rejections.size() + " of " + rejected + " rejections are listed");
        }
        notes.addAll(warnings);
        if (warningCount > warnings.size()) {
            notes.add("only the first " + warnings.size() + " of " + warningCount + " warnings are listed");
        }
        notes.addAll(storageUpkeep);
        return new TaskReport(task, startedAt, finishedAt, TaskStatus.SUCCEEDED, counts, rejections, notes, null);
    }

    private void accept(FeedItem.Accepted<D> item) {
        for (String warning : item.warnings()) {
            warningCount++;
            if (warnings.size() < MAX_WARNINGS_LISTED) {
                warnings.add("item " + item.index() + describe(item.itemId()) + ": " + warning);
            }
        }
        FeedKey key = keyOf.apply(item.draft());
        long first = seen.putIfAbsent(key.value(), item.index());
        if (first >= 0) {
            duplicates++;
            reject(item.index(), item.itemId(), "duplicate of item " + first + " (both are " + abbreviate(key.value())
                    + "); the first occurrence is imported");
            return;
        }
        if (tombstoned == null) {
            tombstoned = tombstonedKeys.get();
        }
        if (!tombstoned.isEmpty() && tombstoned.contains(key.value())) {
            suppressed++;
            return;
        }
        batch.add(item.draft());
        if (batch.size() >= BATCH_SIZE) {
            flush();
        }
    }

    private void reject(long index, String itemId, String reason) {
        rejected++;
        if (rejections.size() < MAX_REJECTIONS_LISTED) {
            rejections.add(new Rejection(index, itemId, reason));
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        RunUnderWay.throwIfStopRequested();
        List<UpsertOutcome> outcomes = writer.write(List.copyOf(batch), extraCounts, tally);
        if (outcomes.size() != batch.size()) {
            throw new IllegalStateException("the repository answered " + outcomes.size() + " outcomes for "
                    + batch.size() + " drafts");
        }
        for (UpsertOutcome outcome : outcomes) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        batch.clear();
    }

    /** A count a writer added, 0 when none. */
    long extraCount(String name) {
        return extraCounts.getOrDefault(name, 0L);
    }

    private static String describe(String itemId) {
        return itemId == null ? "" : " (id " + itemId + ")";
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
