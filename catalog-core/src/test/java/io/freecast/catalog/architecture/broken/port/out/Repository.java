package io.freecast.catalog.architecture.broken.port.out;

/** An outbound port of the broken core: not a violation by itself. */
public interface Repository {
    void save();
}
