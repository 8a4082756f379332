package io.freecast.catalog.examples.cli;

import io.freecast.catalog.http.admin.CatalogAdmin;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.http.client.RatingApiSettings;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.scheduler.Schedule;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

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

    /**
     * A library's duration setting as the launcher reads it: the one duration grammar, then the library's own
     * range ({@code range}, which throws naming {@code setting}) — both refusals one line naming the flag and
     * variable instead of the library's setting, with the value as typed (shortened, control characters shown
     * as {@code ?}).
     *
     * @param example what a good value looks like, for the grammar's refusal ("30m or 2h")
     */
    static Duration duration(String text, String setting, String example, UnaryOperator<Duration> range) {
        Duration parsed;
        try {
            parsed = Schedule.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(translate(setting) + " expects a duration such as " + example + ", got '"
                    + SchedulerOptions.abbreviate(String.valueOf(text)).replaceAll("\\p{Cntrl}", "?") + "'", e);
        }
        try {
            return range.apply(parsed);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(translate(e.getMessage()), e);
        }
    }
}
