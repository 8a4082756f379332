package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.SourceDraft;
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
    record StoredSource(long id, String url, String type, String provider) {

        /** The columns to select, in the order of {@link #of}; the owner column goes last. */
        static final List<Field<?>> COLUMNS = List.of(SOURCE.ID, SOURCE.URL, SOURCE.SOURCE_TYPE, SOURCE.PROVIDER);

        static StoredSource of(Record row) {
            return new StoredSource(row.get(SOURCE.ID), row.get(SOURCE.URL), row.get(SOURCE.SOURCE_TYPE),
                    row.get(SOURCE.PROVIDER));
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
    private final List<List<Object>> movieInserts = new ArrayList<>();
    private final List<List<Object>> episodeInserts = new ArrayList<>();
    private final List<Object[]> updates = new ArrayList<>();
    private final List<Long> deletes = new ArrayList<>();

    SourceWrites(Inserts prepared) {
        this.prepared = prepared;
    }

    /**
     * Makes the sources of one owner match {@code drafts}.
     *
     * @param stored the owner's stored sources by URL (empty for a new owner)
     * @return whether anything changes
     */
    boolean sync(Long movieId, Long episodeId, Map<String, StoredSource> stored, List<SourceDraft> drafts) {
        if (stored.isEmpty() && drafts.size() <= FEW) {
            return insertAll(movieId, episodeId, drafts);
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
                insert(movieId, episodeId, draft.url(), type, draft.provider());
                changed = true;
            } else if (!type.equals(row.type()) || !Objects.equals(draft.provider(), row.provider())) {
                updates.add(new Object[] {type, draft.provider(), row.id()});
                changed = true;
            }
        }
        for (StoredSource row : stored.values()) {
            if (!wanted.containsKey(row.url())) {
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
    private boolean insertAll(Long movieId, Long episodeId, List<SourceDraft> drafts) {
        for (int i = 0; i < drafts.size(); i++) {
            SourceDraft draft = drafts.get(i);
            if (!listedBefore(drafts, i)) {
                insert(movieId, episodeId, draft.url(), draft.type().wireName(), draft.provider());
            }
        }
        return !drafts.isEmpty();
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
