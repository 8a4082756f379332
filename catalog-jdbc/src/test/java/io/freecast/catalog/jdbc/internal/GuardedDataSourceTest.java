package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.port.out.StorageUnavailableException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Getting a connection through the circuit, from a pool that answers what each test tells it to; every ask
 * of the pool moves the test's clock on by one slice, as the pool's own timeout would.
 */
class GuardedDataSourceTest {

    private static final Duration SLICE = Duration.ofMillis(500);

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private final List<String> warnings = new ArrayList<>();
    private final StorageCircuit circuit = new StorageCircuit("PostgreSQL db:5432/catalog", Duration.ofHours(1),
            Duration.ofSeconds(10), () -> {
                throw new IllegalStateException("no answer");
            }, nanos::get, new StorageCircuit.LogLines(warnings::add, line -> { }));

    @AfterEach
    void stopProbing() {
        circuit.close();
    }

    private interface PoolAnswer {
        Connection next(int ask) throws SQLException;
    }

    private GuardedDataSource guarded(PoolAnswer answer) {
        DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    int ask = asked.incrementAndGet();
                    nanos.addAndGet(SLICE.toNanos());
                    return answer.next(ask);
                });
        return new GuardedDataSource(pool, circuit, Duration.ofSeconds(10), nanos::get);
    }

    private static Connection aConnection() {
        return (Connection) Proxy.newProxyInstance(GuardedDataSourceTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
    }

    private static SQLException timedOut(Throwable lastFailure) {
        return new SQLTransientConnectionException("catalog-1 - Connection is not available, request timed out after "
                + "500ms", lastFailure instanceof SQLException sql ? sql.getSQLState() : null, lastFailure);
    }

    @Test
    void whileTheDatabaseAnswersAConnectionIsHandedOut() throws SQLException {
        Connection connection = aConnection();

        assertThat(guarded(ask -> connection).getConnection()).isSameAs(connection);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void theFirstSliceThatEndsOnAConnectionFailureOpensTheCircuit() {
        SQLException refused = new SQLException("Connection refused", "08001", new ConnectException("Connection refused"));
        GuardedDataSource source = guarded(ask -> {
            throw timedOut(refused);
        });

        assertThatThrownBy(source::getConnection).isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("connection refused");
        assertThat(asked).hasValue(1);
        assertThat(circuit.isOpen()).isTrue();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void whileTheCircuitIsOpenThePoolIsNotAskedAtAll() {
        circuit.failed("connection refused");
        GuardedDataSource source = guarded(ask -> aConnection());

        assertThatThrownBy(source::getConnection).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> source.getConnection(Duration.ofSeconds(1))).isInstanceOf(StorageUnavailableException.class);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aBusyPoolIsWaitedForUpToTheWholeTimeoutThenItsOwnTimeoutIsThrown() {
        SQLException busy = timedOut(null);
        GuardedDataSource source = guarded(ask -> {
            throw busy;
        });

        assertThatThrownBy(source::getConnection).isSameAs(busy);
        assertThat(asked).as("10 s in slices of 500 ms").hasValue(20);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void aBusyPoolThatFreesAConnectionInTimeHandsItOut() throws SQLException {
        Connection connection = aConnection();
        GuardedDataSource source = guarded(ask -> {
            if (ask < 4) {
                throw timedOut(null);
            }
            return connection;
        });

        assertThat(source.getConnection()).isSameAs(connection);
        assertThat(asked).hasValue(4);
    }

    @Test
    void aWaiterLearnsAtTheEndOfItsSliceThatAnotherThreadOpenedTheCircuit() {
        GuardedDataSource source = guarded(ask -> {
            circuit.failed("connection to the database server lost");
            throw timedOut(null);
        });

        assertThatThrownBy(source::getConnection).isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("connection to the database server lost");
        assertThat(asked).hasValue(1);
    }

    @Test
    void aFailureOtherThanThePoolsTimeoutIsThrownAtOnce() {
        SQLException closed = new SQLException("HikariDataSource HikariDataSource (catalog-1) has been closed.");
        GuardedDataSource source = guarded(ask -> {
            throw closed;
        });

        assertThatThrownBy(source::getConnection).isSameAs(closed);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aShortWaitAsksTheBusyPoolForOneSliceOnly() {
        GuardedDataSource source = guarded(ask -> {
            throw timedOut(null);
        });

        assertThatThrownBy(() -> source.getConnection(Duration.ofMillis(300))).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(asked).hasValue(1);
    }

    @Test
    void itNeverConnectsWithAnotherLogin() {
        assertThatThrownBy(() -> guarded(ask -> aConnection()).getConnection("user", "password"))
                .isInstanceOf(SQLException.class);
        assertThat(asked).hasValue(0);
    }
}
