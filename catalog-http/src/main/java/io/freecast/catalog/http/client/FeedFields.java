package io.freecast.catalog.http.client;

import io.freecast.catalog.domain.PlainHttpUrl;
import io.freecast.catalog.domain.Rating;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one field of a feed item the tolerant way real feeds need: every field may be missing,
 * {@code null} or of the wrong type, and each reader answers {@code null} ("unknown") instead of failing.
 * Text is cleaned of what no database should store (NUL and other control characters, broken UTF-16).
 */
final class FeedFields {

    /** Years outside this range are typos or garbage; dates outside it become unknown. */
    static final int MIN_YEAR = 1870;
    static final int MAX_YEAR = 2200;
    /** As for source URLs: longer is an accident or an attack. */
    static final int MAX_URL_LENGTH = 2048;

    private static final Pattern YEAR_PREFIX = Pattern.compile("^\\d{4}(\\D.*)?$");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    private FeedFields() {
    }

    /** A string, or a number written as text (a film called 1917); blank, missing or another type → null. */
    static String text(FeedScalar value) {
        if (value == null || !(value.isText() || value.isNumber())) {
            return null;
        }
        String text = clean(value.asText());
        return text.isBlank() ? null : text;
    }

    /**
     * An identifier: a string, or an integral number written without a fraction ({@code 101}, not
     * {@code 101.0}, so the same item keeps the same key whichever way the feed writes it). A number too
     * large for a double ({@code 1e400}) is no identifier: see {@link #isBeyondDouble}.
     */
    static String identifier(FeedScalar value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegral()) {
            return value.number().toString();
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            if (!Double.isFinite(number)) {
                return null;
            }
            BigDecimal decimal = BigDecimal.valueOf(number);
            if (decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.toBigInteger().toString();
            }
        }
        return text(value);
    }

    /** A number with a fraction or exponent that no double holds ({@code 1e400}): too many digits for an id. */
    static boolean isBeyondDouble(FeedScalar value) {
        return value != null && value.isNumber() && !value.isIntegral() && !Double.isFinite(value.asDouble());
    }

    /** A rating as a number or numeric string; null, 0, "N/A", negative, NaN or above 10 → unknown. */
    static Rating rating(FeedScalar value) {
        if (value == null) {
            return null;
        }
        Double number = null;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isText()) {
            number = parseDouble(value.text().strip().replace(',', '.'));
        }
        return Rating.ofNullable(number);
    }

    /** A positive whole number, as a number or numeric string, up to {@code max}; else null. */
    static Integer positiveInt(FeedScalar value, int max) {
        if (value == null) {
            return null;
        }
        Double number = null;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isText()) {
            number = parseDouble(value.text().strip());
        }
        if (number == null || number != Math.rint(number) || number < 1 || number > max) {
            return null;
        }
        return number.intValue();
    }

    /** A year such as 2019, "2019" or "2019-05-01"; outside {@value #MIN_YEAR}–{@value #MAX_YEAR} → null. */
    static Integer year(FeedScalar value) {
        if (value == null) {
            return null;
        }
        Double number = null;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isText()) {
            String text = value.text().strip();
            if (YEAR_PREFIX.matcher(text).matches()) {
                number = Double.valueOf(text.substring(0, 4));
            }
        }
        if (number == null || number != Math.rint(number) || number < MIN_YEAR || number > MAX_YEAR) {
            return null;
        }
        return number.intValue();
    }

    /** A date as {@code YYYY-MM-DD}, possibly followed by a time; empty, invalid or absurd → null. */
    static LocalDate date(FeedScalar value) {
        String text = text(value);
        text = text == null ? null : text.strip();
        if (text == null || !startsWithIsoDate(text)) {
            return null;
        }
        try {
            // What LocalDate.parse(ISO_LOCAL_DATE) accepts of these digits, without its formatter.
            LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
            return date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR ? null : date;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whether the text starts with {@code YYYY-MM-DD} in ASCII digits (the date need not exist). */
    private static boolean startsWithIsoDate(String text) {
        if (text.length() < 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            boolean fits = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /**
     * An image URL, with the protocol-relative {@code //host/path} the FreeCast feeds use turned into
     * {@code https://host/path}; anything but an absolute http(s) URL → null.
     */
    static String imageUrl(String text) {
        if (text == null) {
            return null;
        }
        String url = url(text);
        if (url.length() <= MAX_URL_LENGTH && PlainHttpUrl.matches(url)) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && url.length() <= MAX_URL_LENGTH ? url : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * A URL as feeds write them, made usable: stripped, protocol-relative → https, and inner spaces
     * percent-encoded (the one malformation common in real feeds that has a single obvious meaning).
     */
    static String url(String text) {
        String url = text.strip();
        if (url.startsWith("//")) {
            url = "https:" + url;
        }
        return url.indexOf(' ') >= 0 ? url.replace(" ", "%20") : url;
    }

    /**
     * Removes NUL and the other C0 control characters but tab, CR and LF (PostgreSQL refuses NUL in
     * text; none belongs in a title), and replaces unpaired UTF-16 surrogates with U+FFFD: a database
     * would store them as '?', and the next import would then see a change where there is none.
     */
    static String clean(String text) {
        int i = 0;
        while (i < text.length() && isClean(text, i)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Abbreviates text for a one-line message. */
    static String abbreviate(String text, int max) {
        String oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0
                ? text : LINE_BREAKS.matcher(text).replaceAll(" ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }

    private static boolean isClean(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
    }

    private static Double parseDouble(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
