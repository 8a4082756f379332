package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.testing.KeysetPages.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The task-run log in memory. Like the database's, it never joins a transaction: a run whose work rolled back
 * is still recorded. It keeps each run's first {@value #MAX_REJECTIONS} rejections, as the database does.
 * Thread-safe.
 */
public final class InMemoryTaskRunLog implements TaskRunLog {

    static final int MAX_REJECTIONS = 1000;
    private static final String ORDER = "-started_at";

    private final TreeMap<Long, TaskRun> runs = new TreeMap<>();
    private final TreeMap<Long, List<Rejection>> rejections = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized long recordStart(TaskName task, String node, Instant startedAt) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(startedAt, "startedAt");
        long id = ++lastId;
        runs.put(id, new TaskRun(id, task, node, startedAt, null, TaskStatus.RUNNING, Map.of(), null));
        return id;
    }

    @Override
    public synchronized void recordFinish(long runId, TaskReport report) {
        Objects.requireNonNull(report, "report");
        TaskRun run = runs.get(runId);
        if (run == null) {
            throw new IllegalArgumentException("no task run with id " + runId);
        }
        runs.put(runId, new TaskRun(runId, run.task(), run.node(), run.startedAt(), report.finishedAt(),
                report.status(), report.counts(), report.error()));
        rejections.put(runId, List.copyOf(report.rejections().subList(0,
                Math.min(MAX_REJECTIONS, report.rejections().size()))));
    }

    @Override
    public synchronized Page<TaskRun> listRuns(TaskName task, PageRequest page) {
        Objects.requireNonNull(task, "task");
        Cursor cursor = page.cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to a task-run list; start again without it");
        }
        var order = KeysetPages.<TaskRun>order(true);
        List<Row<TaskRun>> rows = new ArrayList<>(runs.values().stream().filter(run -> run.task() == task)
                .map(run -> KeysetPages.row(run, run.startedAt(), run.id())).toList());
        rows.sort(order);
        Row<TaskRun> boundary = null;
        if (cursor != null) {
            try {
                boundary = KeysetPages.row(null, Instant.parse(Objects.requireNonNull(cursor.sortValue())), cursor.id());
            } catch (RuntimeException e) {
                throw KeysetPages.malformedCursor();
            }
        }
        return KeysetPages.page(rows, order, page, ORDER, boundary);
    }

    @Override
    public synchronized Optional<TaskRun> findLatest(TaskName task) {
        return runs.values().stream().filter(run -> run.task() == task)
                .max(java.util.Comparator.comparing(TaskRun::startedAt).thenComparing(TaskRun::id));
    }

    /** The rejections kept for a run, in order; empty for a run that has not finished. */
    public synchronized List<Rejection> rejections(long runId) {
        return rejections.getOrDefault(runId, List.of());
    }
}
