package io.freecast.catalog.examples.cli;

import io.freecast.catalog.http.admin.CatalogAdmin;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.http.client.RatingApiSettings;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.util.Map;

/**
 * The libraries name a setting in their own terms (the database URL, {@code OutboundHttpSettings
 * .allowPrivateTargets}, …), each published as a constant; the launcher sets them from flags and
 * environment variables, so every message it prints says those instead.
 */
final class LauncherTerms {

    private static final Map<String, String> OPTIONS = Map.of(
            CatalogStorageException.DATABASE_URL, "--db / CATALOG_DB",
            JdbcCatalogStore.ANSWER_TIMEOUT, "--db-answer-timeout / CATALOG_DB_ANSWER_TIMEOUT",
            OutboundHttpSettings.ALLOW_PRIVATE_TARGETS, "--allow-private / CATALOG_ALLOW_PRIVATE_TARGETS",
            RatingApiSettings.API_KEY, "--ratings-key / CATALOG_RATINGS_API_KEY",
            CatalogAdmin.IDLE_TIMEOUT, "--idle-timeout / CATALOG_ADMIN_IDLE_TIMEOUT");

    private LauncherTerms() {
    }

    /** A library's message with each setting it names replaced by the launcher's flag and variable. */
    static String translate(String message) {
        if (message == null) {
            return null;
        }
        String translated = message;
        for (Map.Entry<String, String> option : OPTIONS.entrySet()) {
            translated = translated.replace(option.getKey(), option.getValue());
        }
        return translated;
    }

    /**
     * A store that cannot be opened is the user's to fix, like any setting: a configuration error whose
     * message names the flag instead of the library's setting.
     */
    static ConfigurationException configurationError(CatalogStorageException e) {
        return new ConfigurationException(translate(e.getMessage()), e);
    }
}
