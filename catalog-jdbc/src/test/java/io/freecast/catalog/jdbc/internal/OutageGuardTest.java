package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.port.out.Transactions;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import java.io.EOFException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutageGuardTest {

    private final List<String> warnings = new ArrayList<>();
    private final List<String> slowLines = new ArrayList<>();
    private final StorageCircuit circuit = new StorageCircuit("PostgreSQL db:5432/catalog", Duration.ofHours(1),
            Duration.ofSeconds(10), () -> {
                throw new IllegalStateException("no answer");
            }, System::nanoTime, new StorageCircuit.LogLines(warnings::add, line -> { }));
    private final OutageGuard guard = new OutageGuard(circuit);

    @AfterEach
    void stopProbing() {
        circuit.close();
    }

    /** A transactions port whose work fails as {@code failure} says, as jOOQ would throw it. */
    private Transactions failingWith(RuntimeException failure) {
        return failingWith(guard, failure);
    }

    /** The same, behind {@code guard}. */
    private static Transactions failingWith(OutageGuard guard, RuntimeException failure) {
        return guard.guard(Transactions.class, new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                throw failure;
            }
        });
    }

    @Test
    void everyPortTheStoreListsIsGuarded() throws ReflectiveOperationException {
        StoragePorts guarded = guard.guard(InMemoryCatalogStore.create().ports());

        int ports = 0;
        for (Method getter : StoragePorts.class.getMethods()) {
            if (getter.getParameterCount() == 0 && getter.getReturnType().isInterface()) {
                assertThat(Proxy.isProxyClass(getter.invoke(guarded).getClass())).as(getter.getName()).isTrue();
                ports++;
            }
        }
        assertThat(ports).isGreaterThanOrEqualTo(14);
    }

    @Test
    void aGuardedPortStillWorks() {
        StoragePorts guarded = guard.guard(InMemoryCatalogStore.create().ports());

        assertThat(guarded.transactions().inTransaction(() -> "done")).isEqualTo("done");
    }

    @Test
    void aConnectionLostMidQueryLeavesThePortAsStorageUnavailableAndOpensTheCircuit() {
        RuntimeException lost = new RuntimeException("SQL [select 1]; An I/O error occurred while sending to the backend.",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));

        assertThatThrownBy(() -> failingWith(lost).inTransaction(() -> 1))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("the database is unavailable (connection to the database server lost); try again in 2 s");
        assertThat(circuit.isOpen()).isTrue();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aFullDiskRefusesTheWriteWithoutOpeningTheCircuit() {
        RuntimeException full = new RuntimeException("SQL [insert …]",
                new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"));

        assertThatThrownBy(() -> failingWith(full).inTransaction(() -> 1))
                .isInstanceOfSatisfying(StorageUnavailableException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("the database cannot take writes now (disk full); try again in 10 s");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(e.getCause()).isSameAs(full);
                });
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void aStatementCancelledAtTheDatabasesTimeLimitIsRefusedAloneSaidInOneLineAndTheCircuitStaysClosed() {
        RuntimeException slow = new RuntimeException("SQL [select …]",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014"));

        assertThatThrownBy(() -> namedAndGuardedFailingWith(slow).inTransaction(() -> 1))
                .isInstanceOfSatisfying(StorageUnavailableException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("the database did not finish in time (the statement ran past "
                            + "the database's time limit); try again in 2 s");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(circuit.isOpen()).isFalse();
        assertThat(slowLines).singleElement().asString()
                .isEqualTo("a statement of Transactions.inTransaction ran past the database's time limit and was "
                        + "cancelled; answered as unavailable, the database itself is up");
        assertThat(warnings).as("no outage said").isEmpty();
    }

    @Test
    void anOrdinaryFailureLeavesThePortUnchanged() {
        RuntimeException duplicate = new RuntimeException("duplicate key", new SQLException("duplicate key", "23505"));
        IllegalArgumentException rule = new IllegalArgumentException("a rule");

        assertThatThrownBy(() -> failingWith(duplicate).inTransaction(() -> 1)).isSameAs(duplicate);
        assertThatThrownBy(() -> failingWith(rule).inTransaction(() -> 1)).isSameAs(rule);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void storageUnavailableFromInsideIsPassedOnAsItIs() {
        StorageUnavailableException inner = new StorageUnavailableException("the database is unavailable", Duration.ofSeconds(2), null);

        assertThatThrownBy(() -> failingWith(new RuntimeException("wrapped", inner)).inTransaction(() -> 1)).isSameAs(inner);
    }

    /** The store's own guard: failures named as the store names them, then judged by the circuit. */
    private Transactions namedAndGuardedFailingWith(RuntimeException failure) {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/catalog?user=catalog");
        return failingWith(new OutageGuard(circuit, thrown -> FailureNaming.translated(thrown, url), slowLines::add), failure);
    }

    @Test
    void withNamingAnOrdinaryDatabaseFailureLeavesThePortNamedAndTheCircuitClosed() {
        RuntimeException duplicate = new RuntimeException("duplicate key", new SQLException("duplicate key", "23505"));

        assertThatThrownBy(() -> namedAndGuardedFailingWith(duplicate).inTransaction(() -> 1))
                .isInstanceOf(CatalogStorageException.class)
                .hasMessageContaining("db:5432/catalog")
                .hasCause(duplicate);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void withNamingALostConnectionStillOpensTheCircuitWithTheNamedFailureAsItsCause() {
        RuntimeException lost = new RuntimeException("SQL [select 1]; An I/O error occurred while sending to the backend.",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));

        assertThatThrownBy(() -> namedAndGuardedFailingWith(lost).inTransaction(() -> 1))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("the database is unavailable (connection to the database server lost); try again in 2 s");
        assertThat(circuit.isOpen()).isTrue();
    }

    @Test
    void withNamingAFailureOfTheCatalogsOwnCodePassesUnchanged() {
        IllegalArgumentException rule = new IllegalArgumentException("a rule");

        assertThatThrownBy(() -> namedAndGuardedFailingWith(rule).inTransaction(() -> 1)).isSameAs(rule);
    }
}
