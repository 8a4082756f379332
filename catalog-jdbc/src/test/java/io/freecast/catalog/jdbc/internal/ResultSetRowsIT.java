package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SQLite's text read back as the driver's own {@code getString} reads it; text dates and times read back
 * exactly as they were written, by the fast path or the formatters.
 */
class ResultSetRowsIT {

    /** What the fast path replaces: the ISO date, a space, the ISO time. */
    private static final DateTimeFormatter WRITTEN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    @Test
    void sqliteTextReadsAsTheDriverReadsIt() throws SQLException {
        ResultSetRows rows = new ResultSetRows(DatabaseKind.SQLITE);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT '', NULL, 'plain', 'Ночь 🌙 東京 é', "
                     + "CAST(x'41ff42' AS TEXT), 'x' || char(0) || 'y', 42")) {
            assertThat(rs.next()).isTrue();
            for (int column = 1; column <= 7; column++) {
                assertThat(rows.text(rs, column)).as("column %d", column).isEqualTo(rs.getString(column));
            }
            assertThat(rows.text(rs, 1)).isEmpty();
            assertThat(rows.text(rs, 2)).isNull();
        }
    }

    @Test
    void timesWrittenAsTimestampTextReadBackExactly() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime time = LocalDateTime.of(1870 + random.nextInt(400), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String text = Timestamp.valueOf(time).toString();   // how jOOQ and JdbcInsert write it on SQLite

            assertThat(ResultSetRows.parseTime(text)).as(text).isEqualTo(time).isEqualTo(LocalDateTime.parse(text, WRITTEN));
        }
    }

    @Test
    void otherSpellingsGoThroughTheFormatters() {
        assertThat(ResultSetRows.parseTime("2026-11-24T23:05:42.042")).isEqualTo(LocalDateTime.of(2026, 11, 24, 23, 5, 42, 42_000_000));
        assertThat(ResultSetRows.parseTime("2026-11-24 23:05")).isEqualTo(LocalDateTime.of(2026, 11, 24, 23, 5));
        assertThat(ResultSetRows.parseTime("2026-03-29 02:30:00")).as("a daylight-saving gap in many zones, not in UTC")
                .isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
        assertThat(ResultSetRows.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ResultSetRows.parseDate("+12024-02-29")).isEqualTo(LocalDate.of(12024, 2, 29));
    }

    @Test
    void datesReadBackExactly() {
        LocalDate day = LocalDate.of(1870, 1, 1);
        while (day.isBefore(LocalDate.of(2201, 1, 1))) {
            assertThat(ResultSetRows.parseDate(day.toString())).isEqualTo(day);
            day = day.plus(13, ChronoUnit.DAYS);
        }
    }

    @Test
    void impossibleValuesFailAsTheFormattersDo() {
        assertThatThrownBy(() -> ResultSetRows.parseDate("2023-02-29")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> ResultSetRows.parseTime("2023-01-01 24:00:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> ResultSetRows.parseTime("2023-01-01 1a:00:00")).isInstanceOf(DateTimeException.class);
    }
}
