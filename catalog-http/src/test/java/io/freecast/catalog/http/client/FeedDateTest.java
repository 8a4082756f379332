package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FeedFields#date}: reading the digits directly gives exactly what {@link LocalDate#parse} gives. */
class FeedDateTest {

    // The rule as written with the ISO formatter, before dates were read digit by digit.
    private static LocalDate reference(String text) {
        String stripped = text.strip();
        if (stripped.isBlank() || !Pattern.compile("^\\d{4}-\\d{2}-\\d{2}").matcher(stripped).find()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(stripped.substring(0, 10));
            return date.getYear() < FeedFields.MIN_YEAR || date.getYear() > FeedFields.MAX_YEAR ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void everyYearMonthAndDayAroundTheLimitsReadsAsTheIsoFormatterReadsIt() {
        String[] years = {"0000", "0001", "1869", "1870", "1900", "2000", "2019", "2024", "2100", "2200", "2201", "9999"};
        String[] suffixes = {"", "T20:00:00Z", " 12:00", "x", "0"};
        int dates = 0;
        for (String year : years) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    for (String suffix : suffixes) {
                        String text = "%s-%02d-%02d%s".formatted(year, month, day, suffix);
                        LocalDate expected = reference(text);
                        assertThat(FeedFields.date(new FeedScalar(FeedScalar.Type.STRING, text, null))).as(text).isEqualTo(expected);
                        dates += expected == null ? 0 : 1;
                    }
                }
            }
        }
        assertThat(dates).as("real dates among them").isGreaterThan(10_000);
    }

    @Test
    void textThatIsNotADateReadsAsTheIsoFormatterReadsIt() {
        for (String text : new String[] {"", " ", "2019", "2019-5-01", "2019-05-1", "2019/05/01", "+2019-05-01", "-2019-05-01",
                "２０１９-05-01", "2019-05-01", " 2019-05-01 ", "\t2019-05-01", "20190-05-01", "2019-005-01", "abcd-ef-gh",
                "2019-0a-01", "2019-02-29", "2020-02-29", "1900-02-29", "2000-02-29"}) {
            assertThat(FeedFields.date(new FeedScalar(FeedScalar.Type.STRING, text, null))).as(text).isEqualTo(reference(text));
        }
    }
}
