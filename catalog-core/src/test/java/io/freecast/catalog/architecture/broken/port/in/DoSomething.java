package io.freecast.catalog.architecture.broken.port.in;

/** An inbound port of the broken core. */
public interface DoSomething {
    void doIt();
}
