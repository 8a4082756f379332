package io.freecast.catalog.examples.cli;

import io.freecast.catalog.http.client.JsonFeedReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --max-feed-size}: the largest feed an import reads ({@link JsonFeedReader}'s limit, counted after gzip
 * decoding), the same on {@code import-shows}, {@code import-movies} and {@code serve} (whose scheduled and
 * triggered imports read through the same reader). A feed larger than it fails the run, which changes nothing.
 *
 * <p>The limit guards against a wrong or endless feed filling the disk through the import's one transaction, so
 * it has a ceiling too: {@value #MAX_TEXT}, 32 times the default. A million movies of the benchmark's feeds take
 * about 0.4 GiB, so that is some 40 million titles, whose duplicate check alone would hold 1.3 GB of heap (32
 * bytes per item) — beyond it a catalog is better split over several feeds, and a larger value is more likely a
 * slip of the unit (a size in KiB given as bytes, or the reverse) than a plan.
 */
public final class FeedSizeOption {

    static final String SETTING = "--max-feed-size / CATALOG_MAX_FEED_SIZE";
    static final long MAX_BYTES = 16L << 30;
    static final String MAX_TEXT = "16GiB";

    /** Decimal units are powers of 1,000, binary ones of 1,024, as IEC 80000-13 has them; case does not matter. */
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("kb", 1_000L), Map.entry("mb", 1_000_000L), Map.entry("gb", 1_000_000_000L),
            Map.entry("tb", 1_000_000_000_000L),
            Map.entry("kib", 1L << 10), Map.entry("mib", 1L << 20), Map.entry("gib", 1L << 30), Map.entry("tib", 1L << 40));

    /** ASCII digits only (no other scripts' digits), a fraction of at most 9 digits, then a unit. */
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})(?:\\.([0-9]{1,9}))? ?([A-Za-z]{0,3})");

    @Option(names = "--max-feed-size", paramLabel = "SIZE", defaultValue = "${env:CATALOG_MAX_FEED_SIZE:-512MiB}",
            description = "The largest feed an import reads, after gzip decoding: a larger one fails the run and "
                    + "changes nothing. Bytes, or a number with a unit: KiB, MiB, GiB (1024-based) or kB, MB, GB "
                    + "(1000-based), e.g. 2GiB or 800MB; at most " + MAX_TEXT + ". Env: CATALOG_MAX_FEED_SIZE. "
                    + "Default: ${DEFAULT-VALUE}")
    String maxFeedSize;

    /**
     * The limit in bytes.
     *
     * @throws ConfigurationException naming the flag and variable, for anything but a size from 1 byte to the ceiling
     */
    public long bytes() {
        return parse(maxFeedSize);
    }

    static long parse(String text) {
        Matcher size = text == null ? null : SIZE.matcher(text.strip());
        Long unit = size != null && size.matches() ? UNITS.get(size.group(3).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw new ConfigurationException(SETTING + " expects a size such as 512MiB, 2GiB or 800MB, got '"
                    + SchedulerOptions.abbreviate(String.valueOf(text)).replaceAll("\\p{Cntrl}", "?") + "'");
        }
        BigDecimal number = new BigDecimal(size.group(1) + (size.group(2) == null ? "" : "." + size.group(2)));
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.DOWN);
        if (bytes.signum() == 0) {
            throw new ConfigurationException(SETTING + " must be at least 1 byte, got '" + text.strip() + "'");
        }
        if (bytes.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
            throw new ConfigurationException(SETTING + " must be at most " + MAX_TEXT + " (a larger catalog is "
                    + "better split over several feeds), got '" + text.strip() + "'");
        }
        return bytes.longValueExact();
    }
}
