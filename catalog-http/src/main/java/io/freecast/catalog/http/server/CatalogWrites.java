package io.freecast.catalog.http.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.UnlockFieldUseCase;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * What every write of a catalog item does, in this order: authenticate the bearer token and check its
 * scope (401/429/403, before anything else is looked at); read the id; for a change, require
 * {@code If-Match} (428) and let the core compare it with the item as stored, inside the write's
 * transaction (412 with the current item); read the body (413/415/400/422); write through the core (422,
 * 404); drop this node's cached responses the write affects; answer the item as its GET would, with its
 * new ETag (201 with {@code Location} for a creation, 204 for a deletion).
 */
final class CatalogWrites {

    /**
     * One kind of item as the API shows it.
     *
     * @param path       where one item lives, e.g. {@code /movies/} (followed by the id)
     * @param view       the JSON view its GET renders
     * @param ref        the core's reference to an item of this kind
     * @param affected   the request-target prefixes whose cached responses may show it (itself, its
     *                   parents' trees, the lists it is in)
     */
    record Kind<T>(String path, Function<T, Object> view, LongFunction<ItemRef<T>> ref, List<String> affected) {
    }

    /** A change of an existing item, conditional on the version the client read. */
    @FunctionalInterface
    interface Change<T, F> {
        T apply(Caller caller, long id, Versioned<T> expected, F fields);
    }

    /** A deletion, conditional on the version the client read. */
    @FunctionalInterface
    interface Deletion<T> {
        void apply(Caller caller, long id, Versioned<T> expected);
    }

    /** A creation under a parent ({@code 0} for a top-level item). */
    @FunctionalInterface
    interface Creation<T, F> {
        T apply(Caller caller, long parentId, F fields);
    }

    private final BearerAuthentication authentication;
    private final Representations representations;
    private final ResponseCache cache;
    private final UnlockFieldUseCase unlocking;

    CatalogWrites(BearerAuthentication authentication, Representations representations, ResponseCache cache,
                  UnlockFieldUseCase unlocking) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.representations = Objects.requireNonNull(representations, "representations");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.unlocking = Objects.requireNonNull(unlocking, "unlocking");
    }

    /**
     * {@code POST} of a new item.
     *
     * @param parent   the path parameter naming the parent, or {@code null} for a top-level item
     * @param fields   reads the body into the core's fields
     * @param id       the new item's id, for {@code Location}
     */
    <T, F> ApiResponse create(ApiRequest request, Kind<T> kind, String parent, Function<ObjectNode, F> fields,
                              Creation<T, F> creation, ToLongFunction<T> id) {
        Caller caller = authentication.require(request, Scope.EDIT);
        long parentId = parent == null ? 0 : request.idParameter(parent);
        F read = fields.apply(JsonBody.object(request));
        T created = CoreRefusals.translate(() -> creation.apply(caller, parentId, read));
        cache.invalidate(kind.affected());
        return representations.created(kind.view().apply(created), kind.path() + id.applyAsLong(created));
    }

    /** {@code PATCH} of an item with a JSON Merge Patch. */
    <T, F> ApiResponse change(ApiRequest request, Kind<T> kind, Function<ObjectNode, F> fields, Change<T, F> change) {
        Caller caller = authentication.require(request, Scope.EDIT);
        long id = request.idParameter("id");
        Versioned<T> expected = expected(request, kind);
        F read = fields.apply(JsonBody.mergePatch(request));
        T changed = CoreRefusals.translate(() -> change.apply(caller, id, expected, read), view(kind), representations);
        cache.invalidate(kind.affected());
        return representations.ok(kind.view().apply(changed));
    }

    /** {@code DELETE} of an item. */
    <T> ApiResponse delete(ApiRequest request, Kind<T> kind, Deletion<T> deletion) {
        Caller caller = authentication.require(request, Scope.EDIT);
        long id = request.idParameter("id");
        Versioned<T> expected = expected(request, kind);
        CoreRefusals.run(() -> deletion.apply(caller, id, expected), view(kind), representations);
        cache.invalidate(kind.affected());
        return ApiResponse.noContent();
    }

    /** {@code DELETE …/{id}/locks/{field}}: imports may set the field again. */
    <T> ApiResponse unlock(ApiRequest request, Kind<T> kind) {
        Caller caller = authentication.require(request, Scope.EDIT);
        long id = request.idParameter("id");
        Versioned<T> expected = expected(request, kind);
        String field = request.pathParameter("field");
        T unlocked = CoreRefusals.translate(() -> unlocking.unlock(caller, kind.ref().apply(id), expected, field),
                view(kind), representations);
        cache.invalidate(kind.affected());
        return representations.ok(kind.view().apply(unlocked));
    }

    private <T> Versioned<T> expected(ApiRequest request, Kind<T> kind) {
        return IfMatch.required(request).versioned(item -> representations.bytes(kind.view().apply(item)));
    }

    @SuppressWarnings("unchecked")
    private static <T> Function<Object, Object> view(Kind<T> kind) {
        return current -> kind.view().apply((T) current);
    }
}
