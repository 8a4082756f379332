package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit's states and log lines, on a clock the test moves. Its probing thread waits an hour between
 * probes here, so the test calls {@link StorageCircuit#probeOnce()} itself.
 */
class StorageCircuitTest {

    private static final Duration SUMMARY = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicBoolean answers = new AtomicBoolean(false);
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> infos = new CopyOnWriteArrayList<>();
    private final StorageCircuit circuit = new StorageCircuit("PostgreSQL db.example:5432/catalog", Duration.ofHours(1),
            SUMMARY, () -> {
                if (!answers.get()) {
                    throw new IllegalStateException("no answer");
                }
            }, nanos::get, new StorageCircuit.LogLines(warnings::add, infos::add));

    @AfterEach
    void stopProbing() {
        circuit.close();
    }

    @Test
    void aClosedCircuitLetsEveryUseThroughAndLogsNothing() {
        assertThatCode(circuit::check).doesNotThrowAnyException();
        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.cause()).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(infos).isEmpty();
    }

    @Test
    void theFirstOutageOpensItWithOneLineAndEveryUseAfterIsRefusedAtOnce() {
        StorageUnavailableException first = circuit.failed("connection refused");

        assertThat(circuit.isOpen()).isTrue();
        assertThat(first.getMessage()).isEqualTo("the database is unavailable (connection refused); try again in 2 s");
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(first.getStackTrace()).as("no trace of its own, thousands are thrown").isEmpty();
        assertThatThrownBy(circuit::check).isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("connection refused");
        circuit.failed("connection to the database server lost");

        assertThat(warnings).containsExactly("database unavailable: PostgreSQL db.example:5432/catalog (connection "
                + "refused); requests that need it are answered 503 at once until it answers again, checked every 3600 s");
        assertThat(circuit.cause()).contains("connection refused");
    }

    @Test
    void whileTheProbeGetsNoAnswerItStaysOpenWithAtMostOneSummaryPerInterval() {
        circuit.failed("connection refused");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(circuit::check).isInstanceOf(StorageUnavailableException.class);
        }
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(circuit.probeOnce()).isFalse();
        assertThat(warnings).hasSize(1);

        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(circuit.probeOnce()).isFalse();
        assertThat(circuit.probeOnce()).isFalse();

        assertThat(circuit.isOpen()).isTrue();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).isEqualTo("database still unavailable after 10 s: PostgreSQL db.example:5432/catalog "
                + "(connection refused); 6 requests refused in the last 10 s");

        assertThatThrownBy(circuit::check).isInstanceOf(StorageUnavailableException.class);
        nanos.addAndGet(SUMMARY.toNanos());
        circuit.probeOnce();
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(2)).endsWith("1 requests refused in the last 10 s");
    }

    @Test
    void theFirstAnswerClosesItWithOneLineCountingEveryRefusal() {
        circuit.failed("connection refused");
        assertThatThrownBy(circuit::check).isInstanceOf(StorageUnavailableException.class);
        nanos.addAndGet(Duration.ofMillis(3_500).toNanos());
        answers.set(true);

        assertThat(circuit.probeOnce()).isTrue();

        assertThat(circuit.isOpen()).isFalse();
        assertThatCode(circuit::check).doesNotThrowAnyException();
        assertThat(infos).containsExactly("database available again after 3.5 s: PostgreSQL db.example:5432/catalog; "
                + "2 requests were refused while it was away");
    }

    @Test
    void aNewOutageAfterRecoveryIsReportedAgain() {
        circuit.failed("connection refused");
        answers.set(true);
        circuit.probeOnce();
        answers.set(false);

        circuit.failed("the database server shut down");

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).contains("(the database server shut down)");
        assertThat(circuit.openFor()).contains(Duration.ZERO);
    }

    @Test
    void theProbeOfAClosedCircuitAsksNothing() {
        AtomicBoolean asked = new AtomicBoolean();
        StorageCircuit closed = new StorageCircuit("SQLite /tmp/x.db", Duration.ofHours(1), SUMMARY,
                () -> asked.set(true), nanos::get, new StorageCircuit.LogLines(warnings::add, infos::add));

        assertThat(closed.probeOnce()).isTrue();
        assertThat(asked).isFalse();
    }
}
