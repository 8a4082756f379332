package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.testing.InMemoryTaskRunLog;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskRecorderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryTaskRunLog log = new InMemoryTaskRunLog();
    private final TaskRecorder recorder = new TaskRecorder(log, clock, "node-a");

    @Test
    void theStartIsRecordedBeforeTheWorkAndTheEndWithTheReport() {
        AtomicReference<TaskRun> seenDuringWork = new AtomicReference<>();
        TaskReport report = recorder.record(TaskName.IMPORT_MOVIES, () -> {
            seenDuringWork.set(log.findLatest(TaskName.IMPORT_MOVIES).orElseThrow());
            clock.advance(Duration.ofSeconds(5));
            return TaskReport.succeeded(TaskName.IMPORT_MOVIES, T0, clock.instant(), Map.of("created", 2L), List.of(),
                    List.of());
        });

        assertThat(seenDuringWork.get().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(seenDuringWork.get().node()).isEqualTo("node-a");
        TaskRun recorded = log.findLatest(TaskName.IMPORT_MOVIES).orElseThrow();
        assertThat(recorded.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(recorded.startedAt()).isEqualTo(T0);
        assertThat(recorded.finishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(recorded.counts()).containsEntry("created", 2L);
        assertThat(report.succeeded()).isTrue();
    }

    @Test
    void aTaskThatThrowsBecomesAFailedRunWithTheFirstLineOfItsMessage() {
        TaskReport report = recorder.record(TaskName.UPDATE_RATINGS, () -> {
            throw new IllegalStateException("provider refused the key\nat line 2");
        });

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).isEqualTo("provider refused the key");
        assertThat(log.listRuns(TaskName.UPDATE_RATINGS, PageRequest.firstPage()).items()).singleElement()
                .satisfies(run -> assertThat(run.error()).isEqualTo("provider refused the key"));
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsType() {
        assertThat(TaskRecorder.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(TaskRecorder.oneLine(new IllegalStateException("  "))).isEqualTo("IllegalStateException");
    }
}
