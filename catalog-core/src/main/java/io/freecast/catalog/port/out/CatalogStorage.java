package io.freecast.catalog.port.out;

import io.freecast.catalog.port.in.CatalogQueries;

/**
 * Everything the catalog keeps, as one adapter provides it: a storage adapter implements this and
 * hands it to {@link io.freecast.catalog.Catalog.Builder#storage(CatalogStorage)}.
 */
public interface CatalogStorage extends AutoCloseable {

    ShowRepository shows();

    MovieRepository movies();

    RatingRepository ratings();

    SourceRepository sources();

    TaskRunLog taskRuns();

    TaskLeases taskLeases();

    /** Accounts and their password hashes. */
    AccountRepository accounts();

    /** API tokens, kept by the hash of their value. */
    ApiTokenRepository apiTokens();

    Transactions transactions();

    /** Where every hand edit and security event is recorded. */
    AuditTrail auditTrail();

    /** The read side; it may answer directly from storage (reads carry no business rules). */
    CatalogQueries queries();

    /** Checks that the database answers, cheaply enough for a health endpoint. */
    StorageHealth health();

    /** Releases connections. */
    @Override
    void close();
}
