package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form a database URL can carry a password in — user-info, {@code ?password=}, {@code &password=},
 * {@code sslpassword=}, a password holding {@code @}, {@code /} or {@code :} — is shown without it: in the
 * description (health, start-up line, admin), in the redacted URL messages print, and in the refusal of a
 * URL that cannot be used. A SQLite path has no password to hide.
 */
class DatabaseUrlTest {

    private static final String PW = "Pl4nted";

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.example:5432/catalog?user=catalog&password=Pl4nted",
            "jdbc:postgresql://db.example:5432/catalog?password=Pl4nted&user=catalog",
            "jdbc:postgresql://db.example:5432/catalog?user=catalog&sslpassword=Pl4nted&password=Pl4nted",
            "jdbc:postgresql://catalog:Pl4nted@db.example:5432/catalog",
            "jdbc:postgresql://catalog:Pl4nted@db.example:5432/catalog?currentSchema=cat",
            "jdbc:postgresql://catalog:Pl4nted%40x%2Fy@db.example:5432/catalog",
            "jdbc:postgresql://catalog:Pl4nted@x/y@db.example:5432/catalog",
            "JDBC:POSTGRESQL://catalog:Pl4nted@db.example/catalog"})
    void aPostgresUrlIsDescribedWithoutItsPassword(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);

        assertThat(parsed.display()).startsWith("PostgreSQL db.example:5432/catalog").doesNotContain(PW)
                .doesNotContain("@");
        assertThat(DatabaseUrl.redact(url)).doesNotContain(PW);
        assertThat(parsed.toString()).doesNotContain(PW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://catalog:Pl4nted@db.example:5432/catalog|jdbc:postgresql://db.example:5432/catalog?user=catalog&password=Pl4nted",
            "jdbc:postgresql://catalog@db.example/catalog?ssl=true|jdbc:postgresql://db.example/catalog?ssl=true&user=catalog",
            "jdbc:postgresql://catalog:a%40b%2Fc@db.example/catalog|jdbc:postgresql://db.example/catalog?user=catalog&password=a%40b%2Fc",
            "jdbc:postgresql://db.example/catalog?user=catalog|jdbc:postgresql://db.example/catalog?user=catalog"})
    void userInfoIsGivenToTheDriverAsUserAndPassword(String given, String forTheDriver) {
        // PostgreSQL's driver reads no user-info: it would look up "catalog:Pl4nted@db.example" as a host.
        assertThat(DatabaseUrl.withoutUserInfo(given)).isEqualTo(forTheDriver);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgres://catalog:Pl4nted@db.example/catalog",
            "postgresql://catalog:Pl4nted@db.example/catalog?sslmode=require",
            "jdbc:mysql://catalog:Pl4nted@db.example/catalog",
            "jdbc:mysql://db.example/catalog?user=catalog&password=Pl4nted",
            "jdbc:sqlserver://db.example;user=catalog;password=Pl4nted",
            "mongodb://catalog:Pl4/nted@db.example/catalog",
            "jdbc:postgresql://catalog:Pl4nted@db.example:notaport/catalog"})
    void aRefusedUrlIsQuotedWithoutItsPassword(String url) {
        Throwable refused = catchThrowable(() -> DatabaseUrl.parse(url));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).doesNotContain("Pl4nted").doesNotContain("nted@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite:/tmp/catalog.db?password=Pl4nted", "jdbc:sqlite:file:/tmp/catalog.db?password=Pl4nted"})
    void aSqliteUrlIsDescribedByItsPathAlone(String url) {
        assertThat(DatabaseUrl.parse(url).display()).isEqualTo("SQLite /tmp/catalog.db");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db/catalog?socketTimeout=30|PT30S",
            "jdbc:postgresql://db/catalog?user=u&socketTimeout=0|PT0S",
            "jdbc:postgresql://db/catalog|none",
            "jdbc:postgresql://db/catalog?socketTimeout=abc|none",
            "jdbc:postgresql://db/catalog?socketTimeout=-5|none",
            "jdbc:postgresql://db/catalog?socketTimeout=99999999999999999999|none",
            "jdbc:sqlite:/tmp/catalog.db?socketTimeout=30|none"})
    void aPostgresqlUrlsOwnSocketTimeoutIsReadAsWholeSecondsAndAnythingElseAsNone(String url, String expected) {
        assertThat(DatabaseUrl.parse(url).socketTimeout().map(Object::toString).orElse("none")).isEqualTo(expected);
    }
}
