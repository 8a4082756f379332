package io.freecast.catalog.architecture.broken.port.in;

/** The read side of the broken core. */
public interface Queries {
    String find(long id);
}
