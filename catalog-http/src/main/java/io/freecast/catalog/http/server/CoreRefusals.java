package io.freecast.catalog.http.server;

import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.NotPermittedException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The core's refusals of a write, as HTTP problems: a broken rule 422 (one entry per field), a stale
 * {@code If-Match} 412 with the item as it is now (body member {@code current} and its {@code ETag}),
 * a missing item 404, a scope too small 403. In each case nothing was changed.
 */
final class CoreRefusals {

    private CoreRefusals() {
    }

    /**
     * Runs a conditional write, translating the core's refusals.
     *
     * @param currentView renders the item an {@link EditConflictException} carries, as its GET would
     */
    static <T> T translate(Supplier<T> write, Function<Object, Object> currentView, Representations representations) {
        try {
            return translate(write);
        } catch (EditConflictException e) {
            Object current = currentView.apply(e.current());
            throw ApiProblem.of(412, e.getMessage() + "; 'current' is the item as it is now, with its ETag in "
                            + "the ETag header")
                    .current(current)
                    .header("ETag", representations.etag(current));
        }
    }

    /** Runs a call that names no version (a creation, a list, an account), translating the core's refusals. */
    static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidEditException e) {
            throw ApiProblem.invalid(e.violations().size() == 1 ? "a field breaks a rule; nothing was changed"
                    : e.violations().size() + " fields break rules; nothing was changed", e.violations());
        } catch (ItemNotFoundException e) {
            throw ApiProblem.notFound(e.getMessage());
        } catch (NotPermittedException e) {
            throw BearerAuthentication.insufficientScope(null, e.needed());
        }
    }

    static void run(Runnable call) {
        translate(() -> {
            call.run();
            return null;
        });
    }

    static void run(Runnable write, Function<Object, Object> currentView, Representations representations) {
        translate(() -> {
            write.run();
            return null;
        }, currentView, representations);
    }
}
