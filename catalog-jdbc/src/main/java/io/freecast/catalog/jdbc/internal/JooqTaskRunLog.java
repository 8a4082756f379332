package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskRunReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.TaskRunLog;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.TASK_RUN;
import static io.freecast.catalog.jdbc.internal.schema.Tables.TASK_RUN_COUNT;
import static io.freecast.catalog.jdbc.internal.schema.Tables.TASK_RUN_NOTE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.TASK_RUN_REJECTION;

/**
 * The task-run log. It writes through a context of its own (not the thread's transaction), so a run
 * whose import rolled back is still recorded as failed. A run keeps its counts, its notes and its first
 * {@value #MAX_REJECTIONS} rejections; the {@code rejected} count always has the full number.
 */
final class JooqTaskRunLog implements TaskRunLog {

    static final int MAX_REJECTIONS = 1000;
    private static final String ORDER = "-started_at";

    private final DSLContext dsl;
    private final WriteGate gate;

    /** @param dsl a context of its own, never the one whose thread-local transaction an import uses */
    JooqTaskRunLog(DSLContext dsl, WriteGate gate) {
        this.dsl = dsl;
        this.gate = gate;
    }

    @Override
    public long recordStart(TaskName task, String node, Instant startedAt) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(startedAt, "startedAt");
        return gate.writeOutsideTransaction("the task-run log", () -> dsl.insertInto(TASK_RUN, TASK_RUN.TASK, TASK_RUN.NODE, TASK_RUN.STARTED_AT,
                        TASK_RUN.STATUS)
                .values(task.wireName(), node, Rows.toDb(startedAt), TaskStatus.RUNNING.wireName())
                .returningResult(TASK_RUN.ID)
                .fetchSingle()
                .value1());
    }

    @Override
    public void recordFinish(long runId, TaskReport report) {
        Objects.requireNonNull(report, "report");
        gate.writeOutsideTransaction("the task-run log", () -> dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            int updated = tx.update(TASK_RUN)
                    .set(TASK_RUN.FINISHED_AT, Rows.toDb(report.finishedAt()))
                    .set(TASK_RUN.STATUS, report.status().wireName())
                    .set(TASK_RUN.ERROR, report.error())
                    .where(TASK_RUN.ID.eq(runId))
                    .execute();
            if (updated == 0) {
                throw new IllegalArgumentException("no task run with id " + runId);
            }
            tx.deleteFrom(TASK_RUN_COUNT).where(TASK_RUN_COUNT.RUN_ID.eq(runId)).execute();
            tx.deleteFrom(TASK_RUN_NOTE).where(TASK_RUN_NOTE.RUN_ID.eq(runId)).execute();
            tx.deleteFrom(TASK_RUN_REJECTION).where(TASK_RUN_REJECTION.RUN_ID.eq(runId)).execute();
            insertCounts(tx, runId, report.counts());
            insertNotes(tx, runId, report.notes());
            insertRejections(tx, runId, report.rejections());
            return null;
        }));
    }

    private static void insertCounts(DSLContext tx, long runId, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(TASK_RUN_COUNT, TASK_RUN_COUNT.RUN_ID, TASK_RUN_COUNT.POSITION, TASK_RUN_COUNT.NAME,
                TASK_RUN_COUNT.AMOUNT);
        int position = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            insert = insert.values(runId, position++, count.getKey(), count.getValue());
        }
        insert.execute();
    }

    private static void insertNotes(DSLContext tx, long runId, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(TASK_RUN_NOTE, TASK_RUN_NOTE.RUN_ID, TASK_RUN_NOTE.POSITION, TASK_RUN_NOTE.NOTE);
        for (int i = 0; i < notes.size(); i++) {
            insert = insert.values(runId, i, notes.get(i));
        }
        insert.execute();
    }

    private static void insertRejections(DSLContext tx, long runId, List<Rejection> rejections) {
        List<Rejection> kept = rejections.subList(0, Math.min(MAX_REJECTIONS, rejections.size()));
        int position = 0;
        for (List<Rejection> chunk : Batches.chunks(kept, Batches.rowsPerInsert(5))) {
            var insert = tx.insertInto(TASK_RUN_REJECTION, TASK_RUN_REJECTION.RUN_ID, TASK_RUN_REJECTION.POSITION,
                    TASK_RUN_REJECTION.ITEM_INDEX, TASK_RUN_REJECTION.ITEM_ID, TASK_RUN_REJECTION.REASON);
            for (Rejection r : chunk) {
                insert = insert.values(runId, position++, r.index(), r.itemId(), r.reason());
            }
            insert.execute();
        }
    }

    @Override
    public Page<TaskRun> listRuns(TaskName task, PageRequest page) {
        Objects.requireNonNull(task, "task");
        Cursor cursor = page.cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to a task-run list; start again without it");
        }
        boolean backwards = Keyset.backwards(page);
        boolean descending = !backwards;
        Condition keyset = DSL.noCondition();
        if (cursor != null) {
            LocalDateTime at;
            try {
                at = Rows.toDb(Instant.parse(Objects.requireNonNull(cursor.sortValue())));
            } catch (RuntimeException e) {
                throw Keyset.malformedCursor();
            }
            keyset = Keyset.beyond(TASK_RUN.STARTED_AT, at, TASK_RUN.ID, cursor.id(), descending, false);
        }
        Condition ofTask = TASK_RUN.TASK.eq(task.wireName());
        List<Record> rows = dsl.select(TASK_RUN.fields()).from(TASK_RUN)
                .where(ofTask).and(keyset)
                .orderBy(Keyset.orderBy(TASK_RUN.STARTED_AT, TASK_RUN.ID, descending, false))
                .limit(page.limit() + 1)
                .fetch();
        long total = dsl.selectCount().from(TASK_RUN).where(ofTask).fetchSingle(0, Long.class);
        Map<Long, Map<String, Long>> counts = countsOf(rows.stream().map(r -> r.get(TASK_RUN.ID)).toList());
        List<TaskRun> runs = rows.stream().map(r -> run(r, counts)).toList();
        return Keyset.page(runs, page, ORDER, r -> new Keyset.Boundary(r.startedAt().toString(), r.id()), total);
    }

    @Override
    public Optional<TaskRun> findLatest(TaskName task) {
        Optional<Record> row = dsl.select(TASK_RUN.fields()).from(TASK_RUN)
                .where(TASK_RUN.TASK.eq(task.wireName()))
                .orderBy(TASK_RUN.STARTED_AT.desc(), TASK_RUN.ID.desc())
                .limit(1)
                .fetchOptional();
        return row.map(r -> run(r, countsOf(List.of(r.get(TASK_RUN.ID)))));
    }

    /** The counts of many runs in one query, each in its report's order. */
    private Map<Long, Map<String, Long>> countsOf(List<Long> runIds) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        if (runIds.isEmpty()) {
            return counts;
        }
        dsl.selectFrom(TASK_RUN_COUNT).where(TASK_RUN_COUNT.RUN_ID.in(runIds))
                .orderBy(TASK_RUN_COUNT.RUN_ID, TASK_RUN_COUNT.POSITION)
                .forEach(c -> counts.computeIfAbsent(c.getRunId(), id -> new LinkedHashMap<>())
                        .put(c.getName(), c.getAmount()));
        return counts;
    }

    private static TaskRun run(Record r, Map<Long, Map<String, Long>> counts) {
        long id = r.get(TASK_RUN.ID);
        return new TaskRun(id, TaskName.fromWireName(r.get(TASK_RUN.TASK)), r.get(TASK_RUN.NODE),
                Rows.fromDb(r.get(TASK_RUN.STARTED_AT)), Rows.fromDb(r.get(TASK_RUN.FINISHED_AT)),
                TaskStatus.valueOf(r.get(TASK_RUN.STATUS).toUpperCase(Locale.ROOT)),
                counts.getOrDefault(id, Map.of()), r.get(TASK_RUN.ERROR));
    }

    /** One run with its counts, kept rejections and notes: four statements. */
    Optional<TaskRunReport> findRun(long runId) {
        Optional<Record> row = dsl.select(TASK_RUN.fields()).from(TASK_RUN).where(TASK_RUN.ID.eq(runId)).fetchOptional();
        return row.map(r -> {
            List<String> notes = dsl.select(TASK_RUN_NOTE.NOTE).from(TASK_RUN_NOTE).where(TASK_RUN_NOTE.RUN_ID.eq(runId))
                    .orderBy(TASK_RUN_NOTE.POSITION).fetch(TASK_RUN_NOTE.NOTE);
            return new TaskRunReport(run(r, countsOf(List.of(runId))), rejections(runId), notes);
        });
    }

    /** The rejections kept for a run, in order: for tests and tools. */
    List<Rejection> rejections(long runId) {
        List<Rejection> kept = new ArrayList<>();
        dsl.selectFrom(TASK_RUN_REJECTION).where(TASK_RUN_REJECTION.RUN_ID.eq(runId))
                .orderBy(TASK_RUN_REJECTION.POSITION)
                .forEach(r -> kept.add(new Rejection(r.getItemIndex(), r.getItemId(), r.getReason())));
        return kept;
    }
}
