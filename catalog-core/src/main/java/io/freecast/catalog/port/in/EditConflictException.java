package io.freecast.catalog.port.in;

/**
 * A conditional write found the item changed since the caller read it (someone saved first). Nothing was
 * changed; {@link #current()} is the item as it is now, for the caller to show both versions (HTTP
 * answers 412 with it).
 */
public class EditConflictException extends RuntimeException {

    private final transient Object current;

    public EditConflictException(String what, Object current) {
        super(what + " was changed by someone else since it was read; nothing was saved");
        this.current = current;
    }

    /** The item as stored now, of the type the edit's {@link io.freecast.catalog.domain.Versioned} saw. */
    public Object current() {
        return current;
    }
}
