package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The write gate on its own: who waits how long behind whom, and what a refused write is told. (With a real
 * SQLite store and an import: {@code SqliteWritesBesideAnImportIT}.)
 */
class WriteGateTest {

    private static final Duration INTERACTIVE_WAIT = Duration.ofMillis(100);

    private final WriteGate gate = WriteGate.forKind(DatabaseKind.SQLITE, INTERACTIVE_WAIT);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHolder() {
        release.countDown();
    }

    /** Holds the gate as {@code writer} on another thread until the test ends; returns once it holds it. */
    private CompletableFuture<Void> holdAs(WriteGate.Writer writer) throws InterruptedException {
        return holdAs(gate, writer);
    }

    private CompletableFuture<Void> holdAs(WriteGate on, WriteGate.Writer writer) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> on.write(writer, () -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    @Test
    void anInteractiveWriteBehindABulkWriteIsRefusedNamingItAndNeverRuns() throws Exception {
        holdAs(WriteGate.Writer.BULK);

        StorageUnavailableException busy = catchThrowableOfType(StorageUnavailableException.class,
                () -> gate.write(WriteGate.Writer.INTERACTIVE, () -> {
                    throw new AssertionError("ran behind the bulk write");
                }));

        assertThat(busy).hasMessageMatching("the SQLite database is busy with a bulk write \\(an import\\), for \\d+ s so "
                + "far; try again in 10 s");
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anInteractiveWriteBehindAnotherOneIsToldItIsAPersonsWrite() throws Exception {
        holdAs(WriteGate.Writer.INTERACTIVE);

        assertThatThrownBy(() -> gate.write(WriteGate.Writer.INTERACTIVE, () -> null))
                .hasMessageStartingWith("the SQLite database is busy with another person's write, for ");
    }

    @Test
    void aQueuedWriteWaitsForTheHolderAndThenRuns() throws Exception {
        holdAs(WriteGate.Writer.BULK);

        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> gate.write(() -> "written"));
        Thread.sleep(INTERACTIVE_WAIT.toMillis() * 3);
        assertThat(queued).as("still waiting, well past the interactive wait").isNotDone();
        release.countDown();

        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("written");
    }

    @Test
    void theHolderIsForgottenWhenItEndsAndAnInteractiveWriteThenRunsAtOnce() throws Exception {
        CompletableFuture<Void> held = holdAs(WriteGate.Writer.BULK);
        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        assertThat(gate.write(WriteGate.Writer.INTERACTIVE, () -> "written")).isEqualTo("written");
    }

    @Test
    void postgresqlHasNoGate() throws Exception {
        WriteGate none = WriteGate.forKind(DatabaseKind.POSTGRESQL, INTERACTIVE_WAIT);
        holdAs(none, WriteGate.Writer.BULK);

        assertThat(none.write(WriteGate.Writer.INTERACTIVE, () -> "beside it")).isEqualTo("beside it");
    }
}
