package io.freecast.catalog.http.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The admin's stylesheet, script and icon, bundled in the jar (no CDN: the machine may be offline). */
final class Assets {

    private static final String ROOT = "io/freecast/catalog/http/admin/assets/";
    private static final Map<String, AdminResponse.Asset> FILES = Map.of(
            "admin.css", load("admin.css", "text/css; charset=utf-8"),
            "admin.js", load("admin.js", "text/javascript; charset=utf-8"),
            "icon.svg", load("icon.svg", "image/svg+xml"));

    private Assets() {
    }

    /** Only the bundled files, by exact name: anything else under {@code assets/} is a 404. */
    static AdminResponse serve(List<String> path) {
        AdminResponse.Asset asset = path.size() == 2 ? FILES.get(path.get(1)) : null;
        if (asset == null) {
            throw new io.freecast.catalog.port.in.ItemNotFoundException("no such file among the admin's assets");
        }
        return asset;
    }

    private static AdminResponse.Asset load(String name, String contentType) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is missing from the catalog-http jar");
            }
            return new AdminResponse.Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
