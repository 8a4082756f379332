package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.HandEdits;
import io.freecast.catalog.port.out.ItemReader;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.port.out.Transactions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/**
 * The store's ports as the catalog sees them: a database failure leaves every port as a
 * {@link CatalogStorageException} that names its condition ({@link StorageFailures}), never as jOOQ's
 * {@code DataAccessException("Error while running ConnectionCallable")} or HikariCP's timeout. Only
 * failures of the database are translated: what the catalog's own code throws through a port (a
 * transaction's work failing, an edit conflict) passes unchanged.
 */
public final class FailureNamingPorts {

    private FailureNamingPorts() {
    }

    /** Every port of {@code ports} wrapped; a port added later and not listed here is kept as it is. */
    public static StoragePorts wrap(StoragePorts ports, DatabaseUrl url) {
        return ports.toBuilder()
                .transactions(wrap(Transactions.class, ports.transactions(), url))
                .shows(wrap(ShowRepository.class, ports.shows(), url))
                .movies(wrap(MovieRepository.class, ports.movies(), url))
                .ratings(wrap(RatingRepository.class, ports.ratings(), url))
                .sources(wrap(SourceRepository.class, ports.sources(), url))
                .taskRuns(wrap(TaskRunLog.class, ports.taskRuns(), url))
                .taskLeases(wrap(TaskLeases.class, ports.taskLeases(), url))
                .queries(wrap(CatalogQueries.class, ports.queries(), url))
                .auditTrail(wrap(AuditTrail.class, ports.auditTrail(), url))
                .handEdits(wrap(HandEdits.class, ports.handEdits(), url))
                .tombstones(wrap(Tombstones.class, ports.tombstones(), url))
                .items(wrap(ItemReader.class, ports.items(), url))
                .accounts(wrap(AccountRepository.class, ports.accounts(), url))
                .apiTokens(wrap(ApiTokenRepository.class, ports.apiTokens(), url))
                .build();
    }

    public static CatalogOverview wrap(CatalogOverview overview, DatabaseUrl url) {
        return wrap(CatalogOverview.class, overview, url);
    }

    static <T> T wrap(Class<T> type, T port, DatabaseUrl url) {
        if (port == null) {
            return null;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "FailureNaming[" + port + "]";
                };
            }
            try {
                return method.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw translated(e.getCause(), url);
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** A database failure named; anything else as it was thrown. */
    static Throwable translated(Throwable thrown, DatabaseUrl url) {
        if (thrown instanceof CatalogStorageException || !(thrown instanceof RuntimeException) || !fromTheDatabase(thrown)) {
            return thrown;
        }
        return StorageFailures.inUse(url, thrown);
    }

    private static boolean fromTheDatabase(Throwable thrown) {
        if (thrown instanceof DataAccessException) {
            return true;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
