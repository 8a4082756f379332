package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Scope;

/**
 * The catalog's read routes when reads are private: each GET first needs a bearer token of at least the
 * {@code read} scope, and its response, which then depends on who asked, says {@code Cache-Control:
 * private} and is kept in no shared cache. Other methods pass through; they authenticate themselves.
 */
final class PrivateReads implements ApiRoutes {

    private final ApiRoutes routes;
    private final BearerAuthentication authentication;

    PrivateReads(ApiRoutes routes, BearerAuthentication authentication) {
        this.routes = routes;
        this.authentication = authentication;
    }

    @Override
    public ApiRoutes get(String template, ApiHandler handler) {
        routes.get(template, request -> {
            authentication.require(request, Scope.READ);
            ApiResponse response = handler.handle(request);
            return response.caching() == ApiResponse.Caching.PUBLIC
                    ? response.caching(ApiResponse.Caching.PRIVATE) : response;
        });
        return this;
    }

    @Override
    public ApiRoutes post(String template, ApiHandler handler) {
        routes.post(template, handler);
        return this;
    }

    @Override
    public ApiRoutes put(String template, ApiHandler handler) {
        routes.put(template, handler);
        return this;
    }

    @Override
    public ApiRoutes patch(String template, ApiHandler handler) {
        routes.patch(template, handler);
        return this;
    }

    @Override
    public ApiRoutes delete(String template, ApiHandler handler) {
        routes.delete(template, handler);
        return this;
    }
}
