package io.freecast.catalog.http.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small formatting helpers the templates call: times, durations, query strings, shortened text, list totals. */
public final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        Duration d = Duration.between(from, to);
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 120) {
            return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** A list's total for its heading: the number, or "more than 1000" when it was not counted beyond the cap. */
    public static String total(io.freecast.catalog.domain.Page<?> page) {
        return page.counted() ? Long.toString(page.total())
                : "more than " + io.freecast.catalog.domain.ListQuery.SEARCH_COUNT_CAP;
    }

    public static String text(Object value) {
        return value == null ? "—" : value.toString();
    }

    /**
     * A stored URL as a link target only when it is http(s): anything else ({@code javascript:}, {@code data:})
     * links nowhere, whatever got into the database.
     */
    public static String safeHref(String url) {
        if (url == null) {
            return "#";
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : "#";
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** {@code ?a=1&b=2} from the non-empty values, URL-encoded (the template escapes it again for the attribute). */
    public static String query(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                out.append(out.isEmpty() ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
