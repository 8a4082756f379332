package io.freecast.catalog.testing;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.port.out.StorageHealth;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.port.out.Transactions;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.Tombstones;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A store whose database a test can make unreachable and bring back: while {@link #cut() cut}, every call on
 * the ports a task run uses (the run log, the leases, transactions, the show and movie repositories and the
 * tombstones) throws {@link DatabaseUnreachableException}, as a storage adapter does when its server refuses
 * connections; calls already inside the wrapped store finish as they were. {@link #restore()} lets calls through again.
 */
public final class UnreachableStorage implements CatalogStore {

    /** What a port throws while the database is cut off. */
    public static final class DatabaseUnreachableException extends RuntimeException {
        public DatabaseUnreachableException() {
            super(MESSAGE);
        }
    }

    public static final String MESSAGE = "the database is unreachable: connection refused";

    private final CatalogStore store;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final StoragePorts ports;

    public UnreachableStorage(CatalogStore store) {
        this.store = store;
        StoragePorts inner = store.ports();
        this.ports = inner.toBuilder()
                .taskRuns(guard(TaskRunLog.class, inner.taskRuns()))
                .taskLeases(guard(TaskLeases.class, inner.taskLeases()))
                .transactions(guard(Transactions.class, inner.transactions()))
                .movies(guard(MovieRepository.class, inner.movies()))
                .shows(guard(ShowRepository.class, inner.shows()))
                .tombstones(guard(Tombstones.class, inner.tombstones()))
                .build();
    }

    /** From now on the database cannot be reached. */
    public void cut() {
        cut.set(true);
    }

    /** The database can be reached again. */
    public void restore() {
        cut.set(false);
    }

    @Override
    public StoragePorts ports() {
        return ports;
    }

    @Override
    public StorageHealth health() {
        return store.health();
    }

    @Override
    public void close() {
        store.close();
    }

    private <T> T guard(Class<T> port, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            if (cut.get()) {
                throw new DatabaseUnreachableException();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
