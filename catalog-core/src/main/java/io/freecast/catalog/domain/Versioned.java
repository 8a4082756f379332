package io.freecast.catalog.domain;

/**
 * The version a conditional write expects to change. The write reads the item's current state inside its
 * transaction (after locking it) and asks {@link #matches}; on {@code false} nothing changes and the
 * write fails with the current state.
 *
 * <p>The catalog does not invent its own version numbers: an adapter decides what a version is. The
 * HTTP API compares the {@code If-Match} header with the ETag of the item's current JSON, the same ETag
 * its GET returns; a web form carries that ETag in a hidden field.
 *
 * @param <T> the item's type as the catalog reads it (e.g. {@code MovieTree})
 */
@FunctionalInterface
public interface Versioned<T> {

    boolean matches(T current);

    /** For callers that overwrite on purpose (the command line's own tools, tests). */
    static <T> Versioned<T> any() {
        return current -> true;
    }
}
