package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.port.out.RatingProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --provider} with one provider or several, and where each provider's key, URL and rate limit come
 * from: its own settings first, the general ones only when it is alone, a key never from another API's
 * setting; broken, hostile and huge values refused with the setting to fix and without the key.
 */
class RatingProviderOptionsTest {

    private static final String GENERAL_KEY = "general-key-planted-1234";

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults());

    @AfterEach
    void close() {
        http.close();
    }

    private RatingProviderOptions options(String providers) {
        RatingProviderOptions options = new RatingProviderOptions();
        options.provider = providers;
        options.rateLimit = 5;
        options.environment = environment::get;
        return options;
    }

    @Test
    void oneProviderUsesTheGeneralSettingsAndRunsAsUpdateRatings() {
        RatingProviderOptions options = options("omdb");
        options.ratingsKey = GENERAL_KEY;

        options.validate();
        RatingProvider omdb = options.create(http);

        assertThat(omdb.name()).isEqualTo("omdb");
        assertThat(omdb.fills()).containsExactly(RatingField.IMDB);
        assertThat(options.several()).isFalse();
        assertThat(options.unavailableTasks()).containsOnlyKeys(TaskName.UPDATE_IMDB_RATINGS,
                TaskName.UPDATE_KINOPOISK_RATINGS);
    }

    @Test
    void severalProvidersRunAsTheirFieldsTasksEachWithItsOwnKey() throws IOException {
        RatingProviderOptions options = options(" OMDb , kinopoisk ");
        environment.put("CATALOG_OMDB_API_KEY", "omdb-own-key-0001");
        options.kinopoiskKeyFile = Files.writeString(dir.resolve("kp.key"), "kinopoisk-own-key-0002\n").toString();

        options.validate();
        List<RatingProvider> providers = options.createAll(http);

        assertThat(providers).extracting(RatingProvider::name).containsExactly("omdb", "kinopoisk");
        assertThat(options.unavailableTasks()).containsOnlyKeys(TaskName.UPDATE_RATINGS);
        assertThatThrownBy(() -> options.create(http)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("one provider at a time");
    }

    @Test
    void withSeveralProvidersTheGeneralKeyIsNeverSentToEitherApi() {
        RatingProviderOptions options = options("omdb,kinopoisk");
        options.ratingsKey = GENERAL_KEY;
        environment.put("CATALOG_RATINGS_API_KEY", GENERAL_KEY);
        environment.put("CATALOG_KINOPOISK_API_KEY", "kinopoisk-own-key-0002");

        assertThatThrownBy(options::validate).isInstanceOf(ConfigurationException.class)
                .hasMessage("the omdb ratings provider needs an API key of its own when several providers are "
                        + "chosen: set CATALOG_OMDB_API_KEY or CATALOG_OMDB_API_KEY_FILE (--omdb-key-file)")
                .hasMessageNotContaining(GENERAL_KEY);
    }

    @Test
    void onlyOneFieldTaskRunsWhenOnlyOneOfItsSourcesIsAmongSeveral() {
        assertThat(options("").unavailableTasks()).containsOnlyKeys(TaskName.UPDATE_RATINGS,
                TaskName.UPDATE_IMDB_RATINGS, TaskName.UPDATE_KINOPOISK_RATINGS);
        assertThat(options(null).chosen()).isFalse();
    }

    @Test
    void brokenAndHostileProviderListsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> options("omdb,,kinopoisk").validate()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("empty name").hasMessageContaining("--provider / CATALOG_RATINGS_PROVIDER");
        assertThatThrownBy(() -> options("omdb,OMDB").validate()).hasMessageContaining("names 'omdb' twice");
        assertThatThrownBy(() -> options("random,omdb").validate()).hasMessageContaining("random cannot be combined");
        assertThatThrownBy(() -> options("imdb-scraper,omdb").validate())
                .hasMessageContaining("unknown ratings provider 'imdb-scraper'");
        String huge = "x".repeat(100_000);
        assertThatThrownBy(() -> options(huge).validate()).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThatThrownBy(() -> options("omdb\u0000,kinopoisk").validate()).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void brokenKeyFilesAreRefusedNamingTheFileNeverItsContents() throws IOException {
        RatingProviderOptions options = options("omdb");
        options.omdbKeyFile = dir.resolve("missing.key").toString();
        assertThatThrownBy(options::validate).hasMessageContaining("--omdb-key-file / CATALOG_OMDB_API_KEY_FILE")
                .hasMessageContaining("no such file");

        options.omdbKeyFile = Files.writeString(dir.resolve("empty.key"), " \n").toString();
        assertThatThrownBy(options::validate).hasMessageContaining("is empty");

        options.omdbKeyFile = Files.writeString(dir.resolve("two-lines.key"), "secret-line-one\nsecret-line-two\n").toString();
        assertThatThrownBy(options::validate).hasMessageContaining("more than one line")
                .hasMessageNotContaining("secret-line");

        options.omdbKeyFile = Files.writeString(dir.resolve("huge.key"), "k".repeat(1_000_000)).toString();
        assertThatThrownBy(options::validate).hasMessageContaining("larger than 4096 bytes");

        options.omdbKeyFile = Files.write(dir.resolve("binary.key"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}).toString();
        assertThatThrownBy(options::validate).hasMessageContaining("not UTF-8");

        options.omdbKeyFile = dir.toString();
        assertThatThrownBy(options::validate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--omdb-key-file");
    }

    @Test
    void aProvidersOwnRateLimitAndUrlWinAndBadOnesNameTheirSetting() {
        RatingProviderOptions options = options("kinopoisk");
        environment.put("CATALOG_KINOPOISK_API_KEY", "kinopoisk-own-key-0002");
        options.kinopoiskRateLimit = -1.0;
        assertThatThrownBy(options::validate)
                .hasMessageStartingWith("--kinopoisk-rate-limit / CATALOG_KINOPOISK_RATE_LIMIT must be 0");

        options.kinopoiskRateLimit = Double.NaN;
        assertThatThrownBy(options::validate).hasMessageContaining("--kinopoisk-rate-limit");

        options.kinopoiskRateLimit = 2.0;
        options.kinopoiskUrl = "ftp://ratings.example";
        assertThatThrownBy(options::validate).hasMessageContaining("--kinopoisk-url / CATALOG_KINOPOISK_URL");

        options.kinopoiskUrl = "http://ratings.example:8080";
        options.validate();
    }
}
