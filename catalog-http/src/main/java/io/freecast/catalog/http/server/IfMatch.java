package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The precondition every change of an existing item carries: {@code If-Match} with the {@code ETag} its
 * GET returned. The catalog keeps no version numbers; a version is the item's representation, so the
 * check renders the item as stored now, inside the write's transaction, exactly as the GET would, and
 * compares tags. Either tag of the item matches — the plain one or the one of its gzip form — because both
 * name the same version.
 *
 * <p>No header is a 428 (a client that forgets it would overwrite blindly); {@code If-Match: *} is refused
 * the same way, since it protects nothing against a lost update.
 */
final class IfMatch {

    private final List<String> tags;

    private IfMatch(List<String> tags) {
        this.tags = tags;
    }

    /**
     * @throws ApiProblem 428 without a usable {@code If-Match}
     */
    static IfMatch required(ApiRequest request) {
        String header = request.header("If-Match").map(String::strip).orElse("");
        if (header.isEmpty()) {
            throw ApiProblem.of(428, "this write needs If-Match with the item's current ETag (GET it first); "
                    + "it is refused without one so that nobody overwrites a change they have not seen");
        }
        List<String> tags = new ArrayList<>();
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                throw ApiProblem.of(428, "If-Match: * does not say which version is being changed; "
                        + "send the item's current ETag");
            }
            if (!tag.startsWith("W/") && tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tags.add(tag);
            }
        }
        if (tags.isEmpty()) {
            throw ApiProblem.badRequest("If-Match must hold the strong ETag the item's GET returned, e.g. \"abc\"");
        }
        return new IfMatch(List.copyOf(tags));
    }

    /** Whether the tag of this representation is among the ones the client sent. */
    boolean matches(String etag) {
        String gzipped = ETags.gzipped(etag);
        return tags.contains(etag) || tags.contains(gzipped);
    }

    /** The expectation the core checks against the item as stored, rendered by {@code representation}. */
    <T> Versioned<T> versioned(Function<T, byte[]> representation) {
        return current -> matches(ETags.of(representation.apply(current)));
    }
}
