package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.http.client.RatingApiSettings;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.InvalidDatabaseUrlException;
import org.junit.jupiter.api.Test;

/** The libraries' names for settings become the launcher's flags and variables in what it prints. */
class LauncherTermsTest {

    @Test
    void aStorageProblemNamesTheDatabaseFlagAndVariable() {
        ConfigurationException error = LauncherTerms.configurationError(new InvalidDatabaseUrlException(
                "unsupported database URL 'jdbc:mysql://x': fix " + CatalogStorageException.DATABASE_URL));

        assertThat(error).hasMessage("unsupported database URL 'jdbc:mysql://x': fix --db / CATALOG_DB");
    }

    @Test
    void aRefusedPrivateTargetAndARefusedKeyNameTheirFlags() {
        assertThat(LauncherTerms.translate("refusing to contact 127.0.0.1; allow private targets with "
                + OutboundHttpSettings.ALLOW_PRIVATE_TARGETS))
                .endsWith("allow private targets with --allow-private / CATALOG_ALLOW_PRIVATE_TARGETS");
        assertThat(LauncherTerms.translate("omdb refused the lookup (check the API key: " + RatingApiSettings.API_KEY + ")"))
                .endsWith("(check the API key: --ratings-key / CATALOG_RATINGS_API_KEY)");
    }

    @Test
    void aMessageNamingNoSettingIsLeftAsItIs() {
        assertThat(LauncherTerms.translate("the feed is not JSON")).isEqualTo("the feed is not JSON");
        assertThat(LauncherTerms.translate(null)).isNull();
    }
}
