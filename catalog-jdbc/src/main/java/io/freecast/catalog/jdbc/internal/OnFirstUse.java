package io.freecast.catalog.jdbc.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed once, when it is first needed; thread-safe. For the SQL that jOOQ renders for the
 * prepared statements: opening a store is on every cold start's path, and jOOQ's first rendering loads
 * much of its machinery, so nothing is rendered before a statement first runs.
 */
final class OnFirstUse<T> implements Supplier<T> {

    private final Supplier<? extends T> compute;
    private volatile T value;

    OnFirstUse(Supplier<? extends T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    @Override
    public T get() {
        T done = value;
        if (done == null) {
            synchronized (this) {
                done = value;
                if (done == null) {
                    done = Objects.requireNonNull(compute.get(), "computed value");
                    value = done;
                }
            }
        }
        return done;
    }
}
