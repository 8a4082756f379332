package io.freecast.catalog.http.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /}, a landing page linking to the admin and the API's documentation; {@code /openapi.json} (the
 * OpenAPI 3.1 description of this server) and {@code /docs}, an interactive
 * explorer served from the bundled swagger-ui webjar — no CDN, so it works offline.
 *
 * <p>Only the explorer's own files are served, by name from an allow-list: a request for anything else
 * under {@code /docs/} (including {@code ..} tricks, which the router has already kept inside one segment)
 * is a 404.
 */
final class DocsResources {

    private static final String OWN = "io/freecast/catalog/http/server/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> EXPLORER_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png",
            "oauth2-redirect.html", "text/html; charset=utf-8",
            "oauth2-redirect.js", "text/javascript; charset=utf-8");

    private final StaticFile openApi = require(OWN + "openapi.json", "application/json");
    private final StaticFile page = require(OWN + "docs.html", "text/html; charset=utf-8");
    private final StaticFile landing = require(OWN + "index.html", "text/html; charset=utf-8");
    private final String webjarRoot = WEBJAR + swaggerUiVersion() + "/";
    private final Map<String, Optional<StaticFile>> loaded = new ConcurrentHashMap<>();

    void register(ApiRoutes routes) {
        routes.get("/", request -> ApiResponse.file(landing))
                .get("/openapi.json", request -> ApiResponse.file(openApi))
                .get("/docs", request -> ApiResponse.file(page))
                .get("/docs/{file}", this::explorerFile);
    }

    ApiResponse explorerFile(ApiRequest request) {
        String name = request.pathParameter("file");
        String contentType = EXPLORER_FILES.get(name);
        if (contentType == null) {
            throw ApiProblem.notFound("no such file in the API explorer: " + Quoting.quote(name));
        }
        // Loaded on first use: the bundle is large and most servers never serve it.
        StaticFile file = loaded.computeIfAbsent(name,
                n -> Optional.ofNullable(StaticFile.fromClasspath(webjarRoot + n, contentType)))
                .orElseThrow(() -> ApiProblem.notFound("the API explorer has no " + Quoting.quote(name)));
        return ApiResponse.file(file).caching(ApiResponse.Caching.LONG);
    }

    private static StaticFile require(String resource, String contentType) {
        StaticFile file = StaticFile.fromClasspath(resource, contentType);
        if (file == null) {
            throw new IllegalStateException(resource + " is missing from the catalog-http jar");
        }
        return file;
    }

    /** The webjar's version, from its Maven metadata, so upgrading the dependency needs no code change. */
    private static String swaggerUiVersion() {
        String metadata = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
        try (InputStream in = DocsResources.class.getClassLoader().getResourceAsStream(metadata)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath (" + metadata + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metadata, e);
        }
    }
}
