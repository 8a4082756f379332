package io.freecast.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FeedKey#normaliseTitle}: the ASCII fast path gives exactly what the general rule gives. */
class FeedKeyTitleTest {

    // The general rule, as written before the fast path existed.
    private static String reference(String title) {
        String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
        String withoutMarks = Pattern.compile("\\p{M}+").matcher(decomposed).replaceAll("");
        return Pattern.compile("[\\p{Punct}\\p{Z}\\s]+").matcher(withoutMarks.toLowerCase(Locale.ROOT))
                .replaceAll(" ").strip();
    }

    @Test
    void everyAsciiCharacterAloneAndBetweenLettersIsTreatedAsTheGeneralRuleDoes() {
        for (char c = 0; c < 0x80; c++) {
            for (String title : new String[] {String.valueOf(c), "A" + c + "b", c + "Xy" + c + c, "x" + c + " " + c + "Z"}) {
                assertThat(FeedKey.normaliseTitle(title)).as("title %s", title.chars().boxed().toList())
                        .isEqualTo(reference(title));
            }
        }
    }

    @Test
    void typicalTitlesAsciiOrNot() {
        for (String title : new String[] {"", "   ", "The Matrix", "  Mission: Impossible -- Fallout!  ", "Amélie ",
                "WALL·E", "Se7en", "\u001Fhidden\u001F", "tab\tand\nnew line", "Crème Brûlée (2001)"}) {
            assertThat(FeedKey.normaliseTitle(title)).as(title).isEqualTo(reference(title));
        }
        assertThat(FeedKey.normaliseTitle("  Mission: Impossible -- Fallout!  ")).isEqualTo("mission impossible fallout");
        assertThat(FeedKey.normaliseTitle("Amélie ")).isEqualTo("amelie");
    }
}
