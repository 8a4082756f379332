package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CheckSourceUseCase;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.TooManyChecksException;

/**
 * {@code POST /sources/{id}/check}: checks one source's link now, as a validate-sources run would, and answers
 * the source as stored after it (200). Edit scope, like switching a source on or off; no body and no
 * {@code If-Match}: the check reads the source itself and records what it found. A URL changed while the check
 * ran is a 409 with the source as it is now; nothing was recorded.
 */
final class SourceCheckRoute {

    private final CheckSourceUseCase checks;
    private final BearerAuthentication authentication;
    private final Representations representations;
    private final ResponseCache cache;

    SourceCheckRoute(CheckSourceUseCase checks, BearerAuthentication authentication, Representations representations,
                     ResponseCache cache) {
        this.checks = checks;
        this.authentication = authentication;
        this.representations = representations;
        this.cache = cache;
    }

    void register(ApiRoutes routes) {
        routes.post("/sources/{id}/check", this::check);
    }

    ApiResponse check(ApiRequest request) {
        Caller caller = authentication.require(request, Scope.EDIT);
        long id = request.idParameter("id");
        Source checked;
        try {
            checked = CoreRefusals.translate(() -> checks.checkSource(caller, id));
        } catch (EditConflictException e) {
            throw ApiProblem.of(409, "source " + id + "'s URL was changed while it was checked; nothing was recorded; "
                    + "'current' is the source as it is now").current(JsonViews.source((Source) e.current()));
        } catch (TooManyChecksException e) {
            throw ApiProblem.of(429, e.getMessage()).header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        // The check changed the source's state: cached reads that show it must not lag behind.
        cache.invalidate(ItemWriteRoutes.SOURCE.affected());
        return representations.ok(JsonViews.source(checked));
    }
}
