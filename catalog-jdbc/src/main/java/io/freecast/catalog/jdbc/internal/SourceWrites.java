package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.jdbc.internal.schema.tables.records.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;

import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * The source changes of one upsert batch, collected owner by owner and then written in a few statements.
 * A URL that stays keeps its row, id and check state; only its type or provider may change.
 */
final class SourceWrites {

    /** What {@link #sync} reads of a stored source (and its owners, to group them): loads need no more. */
    static final List<Field<?>> COMPARED_COLUMNS = List.of(SOURCE.ID, SOURCE.MOVIE_ID, SOURCE.EPISODE_ID, SOURCE.URL,
            SOURCE.SOURCE_TYPE, SOURCE.PROVIDER);

    private static final List<Field<?>> INSERT_COLUMNS = List.of(SOURCE.MOVIE_ID, SOURCE.EPISODE_ID, SOURCE.URL,
            SOURCE.SOURCE_TYPE, SOURCE.PROVIDER, SOURCE.IS_ACTIVE, SOURCE.CONSECUTIVE_FAILURES);

    /** The prepared insert of source rows, rendered once per repository. */
    static final class Inserts {
        private final JdbcInsert insert;

        Inserts(DSLContext dsl) {
            this.insert = new JdbcInsert(dsl, SOURCE, INSERT_COLUMNS);
        }
    }

    private final Inserts prepared;
    private final List<List<Object>> inserts = new ArrayList<>();
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
    boolean sync(Long movieId, Long episodeId, Map<String, SourceRecord> stored, List<SourceDraft> drafts) {
        Map<String, SourceDraft> wanted = new LinkedHashMap<>();
        for (SourceDraft draft : drafts) {
            wanted.putIfAbsent(draft.url(), draft);
        }
        boolean changed = false;
        for (SourceDraft draft : wanted.values()) {
            SourceRecord row = stored.get(draft.url());
            String type = draft.type().wireName();
            if (row == null) {
                inserts.add(java.util.Arrays.asList(movieId, episodeId, draft.url(), type, draft.provider(), true, 0));
                changed = true;
            } else if (!type.equals(row.getSourceType()) || !Objects.equals(draft.provider(), row.getProvider())) {
                updates.add(new Object[] {type, draft.provider(), row.getId()});
                changed = true;
            }
        }
        for (SourceRecord row : stored.values()) {
            if (!wanted.containsKey(row.getUrl())) {
                deletes.add(row.getId());
                changed = true;
            }
        }
        return changed;
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
        prepared.insert.execute(dsl, inserts);
    }
}
