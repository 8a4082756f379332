package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/**
 * The store's failures as the catalog sees them: a database failure leaves every port as a
 * {@link CatalogStorageException} that names its condition ({@link StorageFailures}), never as jOOQ's
 * {@code DataAccessException("Error while running ConnectionCallable")} or HikariCP's timeout. Only
 * failures of the database are translated: what the catalog's own code throws through a port (a
 * transaction's work failing, an edit conflict) passes unchanged. Applied to every port by
 * {@link ConnectionPool#guard}, before the circuit looks at the failure.
 */
final class FailureNaming {

    private FailureNaming() {
    }

    /** A database failure named; anything else as it was thrown. */
    static Throwable translated(Throwable thrown, DatabaseUrl url) {
        // An unreachable database is already told in the core's words (the circuit's StorageUnavailableException).
        if (thrown instanceof CatalogStorageException || thrown instanceof StorageUnavailableException
                || !(thrown instanceof RuntimeException) || !fromTheDatabase(thrown)) {
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
