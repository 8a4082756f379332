package io.freecast.catalog.architecture.broken.application;

/** The one public class an application package may have: not a violation. */
public final class UseCases {
    private UseCases() {
    }
}
