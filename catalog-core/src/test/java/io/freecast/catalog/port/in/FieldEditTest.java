package io.freecast.catalog.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How a web form's text becomes a field edit: absent keeps, blank clears, unreadable is reported. */
class FieldEditTest {

    @Test
    void formTextKeepsClearsOrSets() {
        assertThat(FieldEdit.text(null)).isEqualTo(FieldEdit.keep());
        assertThat(FieldEdit.text("  ")).isEqualTo(FieldEdit.clear());
        assertThat(FieldEdit.text(" Title ")).isEqualTo(FieldEdit.set(" Title "));
        assertThat(FieldEdit.keep().given()).isFalse();
        assertThat(FieldEdit.clear().given()).isTrue();
    }

    @Test
    void typedFormFieldsAreParsedOrReportedWithoutTheirValue() {
        assertThat(FieldEdit.parse("2019-05-01", LocalDate::parse, "a date (YYYY-MM-DD)"))
                .isEqualTo(FieldEdit.set(LocalDate.of(2019, 5, 1)));
        assertThat(FieldEdit.parse("2019-13-45", LocalDate::parse, "a date (YYYY-MM-DD)"))
                .isEqualTo(FieldEdit.invalid("must be a date (YYYY-MM-DD)"));
        assertThat(FieldEdit.parse("", Double::valueOf, "a number")).isEqualTo(FieldEdit.clear());
        assertThat(FieldEdit.parse(null, Double::valueOf, "a number")).isEqualTo(FieldEdit.keep());
        assertThat(FieldEdit.<Double>ofNullable(null)).isEqualTo(FieldEdit.clear());
    }

    @Test
    void aMissingComponentOfAPatchIsKeep() {
        assertThat(new MovieFields(null, null, null, null, null, null, null)).isEqualTo(MovieFields.NONE);
        assertThat(MovieFields.NONE.title()).isEqualTo(FieldEdit.keep());
        assertThat(MovieFields.WIRE_NAMES).hasSize(7);
    }
}
