package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code serve --request-threads} / {@code CATALOG_REQUEST_THREADS}: what it takes, and what it chooses when auto. */
class RequestThreadsOptionTest {

    @Test
    void takesAutoOrAWholeNumberOfThreadsFromOneTo4096() {
        assertThat(ServeCommand.requestThreads("auto")).isEmpty();
        assertThat(ServeCommand.requestThreads(" AUTO ")).isEmpty();
        assertThat(ServeCommand.requestThreads("1")).hasValue(1);
        assertThat(ServeCommand.requestThreads("6")).hasValue(6);
        assertThat(ServeCommand.requestThreads(" 08 ")).hasValue(8);
        assertThat(ServeCommand.requestThreads("4096")).hasValue(4096);
    }

    @Test
    void refusesAnythingElseNamingTheFlagAndTheRuleButNotTheValue() {
        String huge = "9".repeat(100_000);
        List<String> refused = List.of("", " ", "0", "0000", "-1", "+8", "4097", "9999", "2147483648", huge, "eight",
                "8.0", "1e3", "0x10", "８", "٨", "8 threads", "auto8", "8\n9", "'; DROP TABLE movie; --", "\u0000");
        for (String value : refused) {
            assertThatThrownBy(() -> ServeCommand.requestThreads(value)).as("%.20s", value)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("--request-threads / CATALOG_REQUEST_THREADS must be auto or a whole number of threads "
                            + "from 1 to 4096");
        }
    }

    @Test
    void autoIsAboutTwoPerCoreOverSqliteAndTheServersDefaultOverPostgresql() {
        assertThat(ServeCommand.chosenRequestThreads(OptionalInt.empty(), true, 2)).isEqualTo(4);
        assertThat(ServeCommand.chosenRequestThreads(OptionalInt.empty(), true, 16)).isEqualTo(32);
        assertThat(ServeCommand.chosenRequestThreads(OptionalInt.empty(), false, 2)).as("the HTTP server's default").isEqualTo(16);
        assertThat(ServeCommand.chosenRequestThreads(OptionalInt.of(6), false, 2)).isEqualTo(6);
        assertThat(ServeCommand.chosenRequestThreads(OptionalInt.of(2), true, 16)).isEqualTo(2);
    }
}
