package io.freecast.catalog.application;

import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.port.in.FieldEdit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rules a field set by hand must keep: the same as for an imported item (titles 1–500 characters,
 * absolute http(s) URLs of at most 2,048, ratings 0–10, release years 1870–2200, numbers of at least 0),
 * plus what a feed never sends but a person might: control characters, broken Unicode, huge free text.
 * Each rule a value breaks is reported, not only the first; messages never repeat the value.
 */
final class FieldRules {

    static final int MAX_TITLE = 500;
    /** Far longer than any real synopsis; a 10 MB "description" is refused, not stored (and audited twice). */
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_PROVIDER = 255;
    static final LocalDate MIN_DATE = LocalDate.of(MovieDraft.MIN_YEAR, 1, 1);
    static final LocalDate MAX_DATE = LocalDate.of(MovieDraft.MAX_YEAR, 12, 31);

    private FieldRules() {
    }

    /**
     * The field's value after the edit: {@code current} when kept (or when the new value breaks a rule,
     * which is then recorded), {@code null} when cleared, else the new value as {@code normalise} makes it.
     *
     * @param required a value must remain (clearing it, or creating without it, is a violation)
     * @param problems every rule the normalised value breaks, as messages
     */
    static <T> T resolve(Violations violations, String field, FieldEdit<T> edit, T current, boolean required,
                         Function<T, T> normalise, Function<T, List<String>> problems) {
        return switch (edit) {
            case FieldEdit.Keep<T> keep -> {
                if (required && current == null) {
                    violations.add(field, "is required");
                }
                yield current;
            }
            case FieldEdit.Clear<T> clear -> {
                if (required) {
                    violations.add(field, "is required and cannot be null");
                    yield current;
                }
                yield null;
            }
            case FieldEdit.Invalid<T> invalid -> {
                violations.add(field, invalid.message());
                yield current;
            }
            case FieldEdit.Value<T> value -> {
                T normalised = normalise.apply(value.value());
                List<String> broken = problems.apply(normalised);
                broken.forEach(message -> violations.add(field, message));
                yield broken.isEmpty() ? normalised : current;
            }
        };
    }

    static String title(Violations v, String field, FieldEdit<String> edit, String current, boolean required) {
        return resolve(v, field, edit, current, required, String::strip, s -> text(s, MAX_TITLE, false, true));
    }

    static String description(Violations v, String field, FieldEdit<String> edit, String current) {
        return resolve(v, field, edit, current, false, s -> s, s -> text(s, MAX_DESCRIPTION, true, false));
    }

    static String provider(Violations v, String field, FieldEdit<String> edit, String current) {
        return resolve(v, field, edit, current, false, String::strip, s -> text(s, MAX_PROVIDER, false, true));
    }

    static String url(Violations v, String field, FieldEdit<String> edit, String current, boolean required) {
        return resolve(v, field, edit, current, required, String::strip, FieldRules::urlProblems);
    }

    static LocalDate date(Violations v, String field, FieldEdit<LocalDate> edit, LocalDate current) {
        return resolve(v, field, edit, current, false, d -> d, d -> d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)
                ? List.of("must be between " + MIN_DATE + " and " + MAX_DATE) : List.of());
    }

    static Integer year(Violations v, String field, FieldEdit<Integer> edit, Integer current) {
        return resolve(v, field, edit, current, false, y -> y, y -> y < MovieDraft.MIN_YEAR || y > MovieDraft.MAX_YEAR
                ? List.of("must be between " + MovieDraft.MIN_YEAR + " and " + MovieDraft.MAX_YEAR) : List.of());
    }

    static Rating rating(Violations v, String field, FieldEdit<Double> edit, Rating current) {
        Double value = resolve(v, field, edit, current == null ? null : current.value(), false, d -> d,
                d -> d.isNaN() || d < Rating.MIN || d > Rating.MAX
                        ? List.of("must be between 0 and 10, or null for unknown") : List.of());
        return value == null ? null : Rating.of(value);
    }

    static Integer number(Violations v, String field, FieldEdit<Integer> edit, Integer current, boolean required) {
        return resolve(v, field, edit, current, required, n -> n, n -> n < 0 ? List.of("must be 0 or more") : List.of());
    }

    static SourceType sourceType(Violations v, String field, FieldEdit<String> edit, SourceType current) {
        String wire = resolve(v, field, edit, current == null ? null : current.wireName(), false, String::strip,
                s -> s.equals("direct") || s.equals("playlist") ? List.of() : List.of("must be direct or playlist"));
        return wire == null ? null : SourceType.fromWireName(wire);
    }

    static Boolean flag(Violations v, String field, FieldEdit<Boolean> edit, Boolean current) {
        return resolve(v, field, edit, current, true, b -> b, b -> List.of());
    }

    /** Every rule a free-text value breaks. */
    static List<String> text(String s, int max, boolean multiline, boolean nonBlank) {
        List<String> problems = new ArrayList<>(2);
        if (nonBlank && s.isBlank()) {
            problems.add("must not be blank");
        }
        if (s.length() > max) {
            problems.add("must be at most " + String.format("%,d", max) + " characters");
        }
        boolean control = false;
        boolean brokenUnicode = false;
        for (int i = 0; i < s.length() && !(control && brokenUnicode); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                control = true;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    brokenUnicode = true;
                }
            } else if (Character.isLowSurrogate(c)) {
                brokenUnicode = true;
            }
        }
        if (control) {
            problems.add(multiline ? "must not contain control characters other than line breaks and tabs"
                    : "must not contain control characters or line breaks");
        }
        if (brokenUnicode) {
            problems.add("must be valid Unicode text");
        }
        return problems;
    }

    private static List<String> urlProblems(String url) {
        if (url.length() > SourceDraft.MAX_URL_LENGTH) {
            return List.of("must be at most 2,048 characters");
        }
        List<String> problems = new ArrayList<>(text(url, SourceDraft.MAX_URL_LENGTH, false, false));
        if (problems.isEmpty()) {
            try {
                SourceDraft.of(url, null);
            } catch (IllegalArgumentException e) {
                problems.add("must be an absolute http or https URL with a host");
            }
        }
        return problems;
    }
}
