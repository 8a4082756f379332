package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.out.TaskRunLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How runs ended that the run log could not be told at the time (its database was unreachable): kept in
 * memory, oldest first, and written as soon as the log takes them again. A run whose start was recorded
 * keeps its id, so its row changes from {@code running} to its real end; a run whose start could not be
 * recorded either is written whole (start, end, status, error) as a row of its own.
 *
 * <p>Bounded: past {@value #CAPACITY} outcomes the oldest is dropped, with an error line in the log that
 * says what is lost. Memory is the only place they are kept: a process that exits before the database
 * comes back loses them (the shutdown logs each one).
 */
final class PendingRunRecords {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRunRecords.class);
    static final int CAPACITY = 100;
    /** The id of a pending run whose start was never written. */
    static final long NOT_STARTED = 0;

    private static final class Pending {
        private long runId;
        private final TaskReport report;

        Pending(long runId, TaskReport report) {
            this.runId = runId;
            this.report = report;
        }
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    /** Held for a whole write-out, so two threads never write the same outcome twice. */
    private final Object writing = new Object();

    /** Keeps the outcome of run {@code runId} ({@link #NOT_STARTED} when its start was not written either). */
    synchronized void add(long runId, TaskReport report) {
        if (pending.size() >= CAPACITY) {
            Pending lost = pending.removeFirst();
            LOG.error("{}: the outcome of the run started {} is lost, more than {} run outcomes wait for the "
                    + "run log: {} {}", lost.report.task(), lost.report.startedAt(), CAPACITY,
                    lost.report.status().wireName(), lost.report.error());
        }
        pending.addLast(new Pending(runId, report));
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    synchronized int size() {
        return pending.size();
    }

    /** The ids of the waiting runs whose start was recorded: their rows still say {@code running}. */
    synchronized Set<Long> startedRunIds() {
        return pending.stream().map(p -> p.runId).filter(id -> id != NOT_STARTED).collect(Collectors.toSet());
    }

    /**
     * Writes the waiting outcomes to {@code log}, oldest first, and stops at the first that fails (the
     * database is still away: the others would fail the same way).
     *
     * @return how many still wait
     */
    int writeTo(TaskRunLog log, String node) {
        synchronized (writing) {
            for (Pending next = peek(); next != null; next = peek()) {
                try {
                    if (next.runId == NOT_STARTED) {
                        next.runId = log.recordStart(next.report.task(), node, next.report.startedAt());
                    }
                    log.recordFinish(next.runId, next.report);
                } catch (RuntimeException e) {
                    LOG.debug("the run log still cannot be written: {}", e.toString());
                    return size();
                }
                remove(next);
                LOG.info("{}: the run started {} is now recorded in the run log as {}{}", next.report.task(),
                        next.report.startedAt(), next.report.status().wireName(),
                        next.report.error() == null ? "" : ": " + next.report.error());
            }
            return 0;
        }
    }

    /** Empties the store, returning what it held (a shutdown logs each). */
    synchronized List<TaskReport> drain() {
        List<TaskReport> reports = new ArrayList<>();
        pending.forEach(p -> reports.add(p.report));
        pending.clear();
        return reports;
    }

    private synchronized Pending peek() {
        return pending.peekFirst();
    }

    private synchronized void remove(Pending written) {
        pending.remove(written);
    }
}
