package io.freecast.catalog;

import io.freecast.catalog.port.out.StorageHealth;

/**
 * A storage adapter, as {@link Catalog.Builder#storage(CatalogStore)} takes it: the ports it implements,
 * and its life cycle. {@code JdbcCatalogStore} (catalog-jdbc) is one; the in-memory store of catalog-core's
 * test fixtures is another.
 *
 * <p>The catalog asks for {@link #ports()} once, when it is built, and gives each service only the ports
 * that service uses: no service ever sees the store as a whole.
 */
public interface CatalogStore extends AutoCloseable {

    /** The ports this store implements, every required one present. */
    StoragePorts ports();

    /** Checks that the storage answers, cheaply enough for a health endpoint. */
    StorageHealth health();

    /** Releases connections; the catalog closing calls this. */
    @Override
    void close();
}
