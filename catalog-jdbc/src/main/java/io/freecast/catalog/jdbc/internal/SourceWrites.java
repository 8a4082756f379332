package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.port.out.UpsertTally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * The source changes of one upsert batch, collected owner by owner and then written in a few statements.
 * A URL that stays keeps its row, id and check state; only its type or provider may change.
 */
final class SourceWrites {

    /**
     * What {@link #sync} needs of a stored source. A plain record, not a jOOQ one: a re-import holds a
     * batch's stored sources (thousands) while it compares, and a jOOQ record is several times larger.
     */
    record StoredSource(long id, String url, String type, String provider, String lockedFields, boolean addedByHand) {

        /** The columns to select, in the order of {@link #of}; the owner column goes last. */
        static final List<Field<?>> COLUMNS = List.of(SOURCE.ID, SOURCE.URL, SOURCE.SOURCE_TYPE, SOURCE.PROVIDER,
                SOURCE.LOCKED_FIELDS, SOURCE.ADDED_BY_HAND);

        static StoredSource of(Record row) {
            return new StoredSource(row.get(SOURCE.ID), row.get(SOURCE.URL), row.get(SOURCE.SOURCE_TYPE),
                    row.get(SOURCE.PROVIDER), row.get(SOURCE.LOCKED_FIELDS), row.get(SOURCE.ADDED_BY_HAND));
        }
    }

    /**
     * The prepared inserts of new sources, rendered once per repository: one per kind of owner, so a row
     * binds only its owner, URL, type and provider. The other owner column is {@code NULL}, and a new
     * source is active with no failures by the columns' defaults.
     */
    static final class Inserts {
        private final JdbcInsert ofMovies;
        private final JdbcInsert ofEpisodes;

        Inserts(DSLContext dsl) {
            this.ofMovies = new JdbcInsert(dsl, SOURCE, List.of(SOURCE.MOVIE_ID, SOURCE.URL, SOURCE.SOURCE_TYPE,
                    SOURCE.PROVIDER));
            this.ofEpisodes = new JdbcInsert(dsl, SOURCE, List.of(SOURCE.EPISODE_ID, SOURCE.URL, SOURCE.SOURCE_TYPE,
                    SOURCE.PROVIDER));
        }
    }

    /** Up to this many drafts, a new owner's URLs are told apart by comparing each with the earlier ones. */
    private static final int FEW = 8;

    private final Inserts prepared;
    private final ChildTombstones tombstones;
    private final UpsertTally tally;
    private boolean held;
    private final List<List<Object>> movieInserts = new ArrayList<>();
    private final List<List<Object>> episodeInserts = new ArrayList<>();
    private final List<Object[]> updates = new ArrayList<>();
    private final List<Long> deletes = new ArrayList<>();

    /**
     * @param tombstones asked about each URL about to be added to an owner that was already stored
     * @param tally      counts the URLs not re-added because a person deleted them
     */
    SourceWrites(Inserts prepared, ChildTombstones tombstones, UpsertTally tally) {
        this.prepared = prepared;
        this.tombstones = tombstones;
        this.tally = tally;
    }

    /** Whether a field locked by hand held back a change since the last call (and forgets it). */
    boolean takeHeld() {
        boolean was = held;
        held = false;
        return was;
    }

    /**
     * Makes the sources of one owner match {@code drafts}, as far as hand edits allow: a source added by
     * hand stays, a {@code source_type} or {@code provider} locked by hand keeps its value, and a URL a
     * person deleted from an owner that was stored before is not added again.
     *
     * @param stored      the owner's stored sources by URL (empty for a new owner)
     * @param ownerStored whether the owner was stored before this batch (only then can it have tombstones)
     * @return whether anything changes
     */
    boolean sync(Long movieId, Long episodeId, Map<String, StoredSource> stored, List<SourceDraft> drafts,
                 boolean ownerStored) {
        if (stored.isEmpty() && drafts.size() <= FEW) {
            return insertAll(movieId, episodeId, drafts, ownerStored);
        }
        Map<String, SourceDraft> wanted = new LinkedHashMap<>();
        for (SourceDraft draft : drafts) {
            wanted.putIfAbsent(draft.url(), draft);
        }
        boolean changed = false;
        for (SourceDraft draft : wanted.values()) {
            StoredSource row = stored.get(draft.url());
            String type = draft.type().wireName();
            if (row == null) {
                if (ownerStored && deletedByHand(movieId, episodeId, draft.url())) {
                    continue;
                }
                insert(movieId, episodeId, draft.url(), type, draft.provider());
                changed = true;
                continue;
            }
            String provider = draft.provider();
            if (row.lockedFields() != null) {
                String feedType = type;
                String feedProvider = provider;
                type = LockedColumn.locks(row.lockedFields(), "source_type") ? row.type() : type;
                provider = LockedColumn.locks(row.lockedFields(), "provider") ? row.provider() : provider;
                if (!type.equals(feedType) || !Objects.equals(provider, feedProvider)) {
                    held = true;
                }
            }
            if (!type.equals(row.type()) || !Objects.equals(provider, row.provider())) {
                updates.add(new Object[] {type, provider, row.id()});
                changed = true;
            }
        }
        for (StoredSource row : stored.values()) {
            if (!row.addedByHand() && !wanted.containsKey(row.url())) {
                deletes.add(row.id());
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The few sources of an owner that has none stored (every new owner): each URL is inserted once, the
     * first draft of it winning, as in {@link #sync}; comparing with the earlier drafts beats a map here.
     */
    private boolean insertAll(Long movieId, Long episodeId, List<SourceDraft> drafts, boolean ownerStored) {
        boolean changed = false;
        for (int i = 0; i < drafts.size(); i++) {
            SourceDraft draft = drafts.get(i);
            if (!listedBefore(drafts, i) && !(ownerStored && deletedByHand(movieId, episodeId, draft.url()))) {
                insert(movieId, episodeId, draft.url(), draft.type().wireName(), draft.provider());
                changed = true;
            }
        }
        return changed;
    }

    private boolean deletedByHand(Long movieId, Long episodeId, String url) {
        if (tombstones.sourceDeleted(movieId, episodeId, url)) {
            tally.suppressed();
            return true;
        }
        return false;
    }

    private static boolean listedBefore(List<SourceDraft> drafts, int index) {
        String url = drafts.get(index).url();
        for (int i = 0; i < index; i++) {
            if (drafts.get(i).url().equals(url)) {
                return true;
            }
        }
        return false;
    }

    private void insert(Long movieId, Long episodeId, String url, String type, String provider) {
        if (movieId != null) {
            movieInserts.add(Arrays.asList(movieId, url, type, provider));
        } else {
            episodeInserts.add(Arrays.asList(Objects.requireNonNull(episodeId, "episodeId"), url, type, provider));
        }
    }

    void execute(DSLContext dsl) {
        for (List<Long> ids : Batches.chunks(deletes, Batches.ROWS)) {
            dsl.deleteFrom(SOURCE).where(SOURCE.ID.in(ids)).execute();
        }
        if (!updates.isEmpty()) {
            Batches.executeBatch(dsl, dsl.update(SOURCE)
                    .set(SOURCE.SOURCE_TYPE, (String) null)
                    .set(SOURCE.PROVIDER, (String) null)
                    .where(SOURCE.ID.eq((Long) null)), updates);
        }
        prepared.ofMovies.execute(dsl, movieInserts);
        prepared.ofEpisodes.execute(dsl, episodeInserts);
    }
}
