package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.port.out.StorageBusyException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Puts the store's ports behind the {@link StorageCircuit}: whatever a port throws that means the database
 * cannot be used now — a lost connection in the middle of a query, a commit that cannot reach the server, a
 * full disk — leaves the port as a {@link StorageUnavailableException} in the core's terms, and an outage
 * opens the circuit. Every other failure leaves unchanged.
 *
 * <p>It wraps every port {@link StoragePorts} lists, found by reflection, so a port added later is guarded
 * without anyone remembering to (a test holds that every one is).
 *
 * <p>A failure may be named first ({@link FailureNaming#translated}): the store's ports are wrapped once,
 * in one proxy that does both, because each proxy costs a reflective call on every read, and a read of a
 * single item is only tens of microseconds.
 */
final class OutageGuard {

    /** How long a caller should wait before retrying a write the disk had no room for. */
    static final Duration WRITE_RETRY_AFTER = Duration.ofSeconds(10);
    /** How long a caller should wait before retrying what the database cancelled at its time limit. */
    static final Duration SLOW_RETRY_AFTER = Duration.ofSeconds(2);
    /** How long a caller should wait before retrying a write another writer held up (how long it holds is unknown). */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(10);

    private final StorageCircuit circuit;
    private final UnaryOperator<Throwable> naming;
    private final Consumer<String> slowStatements;

    /** A guard that takes failures as the port threw them. */
    OutageGuard(StorageCircuit circuit) {
        this(circuit, UnaryOperator.identity(), line -> {
        });
    }

    /**
     * @param naming         what a port's failure becomes before the circuit looks at it
     * @param slowStatements told, in one line, of each use the database cancelled at its time limit (nothing
     *                       else says so: the caller only gets a 503)
     */
    OutageGuard(StorageCircuit circuit, UnaryOperator<Throwable> naming, Consumer<String> slowStatements) {
        this.circuit = circuit;
        this.naming = naming;
        this.slowStatements = slowStatements;
    }

    /** The same ports, each behind the circuit. */
    StoragePorts guard(StoragePorts ports) {
        StoragePorts.Builder builder = ports.toBuilder();
        for (Method getter : StoragePorts.class.getMethods()) {
            Class<?> port = getter.getReturnType();
            if (getter.getParameterCount() != 0 || !port.isInterface() || Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            try {
                Method setter = StoragePorts.Builder.class.getMethod(getter.getName(), port);
                setter.invoke(builder, guard(port, getter.invoke(ports)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot guard the port " + getter.getName() + "(): " + e, e);
            }
        }
        return builder.build();
    }

    /** One port behind the circuit. */
    <T> T guard(Class<T> port, Object implementation) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(implementation, args);
            } catch (InvocationTargetException e) {
                throw translate(naming.apply(e.getCause()), port.getSimpleName() + "." + method.getName());
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    /**
     * {@code failure} in the core's terms when it means the database cannot be used now; otherwise itself. A use
     * the database cancelled at its time limit is told as {@code where}'s (a port's method).
     */
    private Throwable translate(Throwable failure, String where) {
        Optional<StorageUnavailableException> already = find(failure);
        if (already.isPresent()) {
            return already.get();
        }
        Optional<ConnectionFailures.Failure> known = ConnectionFailures.classify(failure);
        if (known.isEmpty()) {
            return failure;
        }
        String cause = known.get().cause();
        return switch (known.get().kind()) {
            case OUTAGE -> circuit.failed(cause);
            case WRITE_REFUSED -> new StorageUnavailableException("the database cannot take writes now (" + cause
                    + "); try again in " + WRITE_RETRY_AFTER.toSeconds() + " s", WRITE_RETRY_AFTER, failure);
            case BUSY -> new StorageBusyException("the database is busy (" + cause + "); try again in "
                    + BUSY_RETRY_AFTER.toSeconds() + " s", BUSY_RETRY_AFTER, failure);
            case TOO_SLOW -> {
                slowStatements.accept("a statement of " + where + " ran past the database's time limit and was "
                        + "cancelled; answered as unavailable, the database itself is up");
                yield new StorageUnavailableException("the database did not finish in time (" + cause
                        + "); try again in " + SLOW_RETRY_AFTER.toSeconds() + " s", SLOW_RETRY_AFTER, failure);
            }
        };
    }

    private static Optional<StorageUnavailableException> find(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof StorageUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
        }
        return Optional.empty();
    }
}
