package io.freecast.catalog.domain;

/**
 * How big the catalog is: what the admin's dashboard shows at a glance.
 *
 * @param activeSources   sources viewers see
 * @param inactiveSources sources turned off by link checks or by hand
 */
public record CatalogCounts(long shows, long seasons, long episodes, long movies, long activeSources,
                            long inactiveSources) {

    public long sources() {
        return activeSources + inactiveSources;
    }
}
