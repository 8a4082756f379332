package io.freecast.catalog.http.server;

import io.freecast.catalog.port.out.StorageHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health}: 200 {@code {"status":"up",…}} when the process answers and the database check passes,
 * 503 with {@code "down"} and the reason when it does not (so a load balancer takes the node out).
 */
final class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    record HealthJson(String status, Map<String, CheckJson> checks) {
    }

    record CheckJson(String status, String detail) {
    }

    private final Supplier<StorageHealth> databaseCheck;

    HealthResource(Supplier<StorageHealth> databaseCheck) {
        this.databaseCheck = databaseCheck;
    }

    void register(ApiRoutes routes) {
        routes.get("/health", this::health);
    }

    ApiResponse health(ApiRequest request) {
        Map<String, CheckJson> checks = new LinkedHashMap<>();
        boolean up = true;
        if (databaseCheck != null) {
            StorageHealth database = checkDatabase();
            checks.put("database", new CheckJson(database.up() ? "up" : "down", database.detail()));
            up = database.up();
        }
        HealthJson body = new HealthJson(up ? "up" : "down", checks);
        return ApiResponse.json(up ? 200 : 503, body).caching(ApiResponse.Caching.NO_STORE);
    }

    private StorageHealth checkDatabase() {
        try {
            StorageHealth health = databaseCheck.get();
            return health != null ? health : new StorageHealth(false, "the health check answered nothing");
        } catch (RuntimeException e) {
            LOG.warn("database health check failed", e);
            return new StorageHealth(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
