package io.freecast.catalog.examples.cli;

import io.freecast.catalog.http.client.LinkCheckSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --concurrency}, {@code --per-host}, {@code --timeout}: how validate-sources checks links. */
public final class LinkCheckOptions {

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "${env:CATALOG_CHECK_CONCURRENCY:-64}",
            description = "Link checks in flight at once. Env: CATALOG_CHECK_CONCURRENCY. Default: ${DEFAULT-VALUE}")
    int concurrency;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "${env:CATALOG_CHECK_PER_HOST:-4}",
            description = "Link checks in flight at once to one host. Env: CATALOG_CHECK_PER_HOST. "
                    + "Default: ${DEFAULT-VALUE}")
    int perHost;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CATALOG_CHECK_TIMEOUT:-10s}",
            description = "How long one link may take to answer (e.g. 10s, 1500ms, PT10S). "
                    + "Env: CATALOG_CHECK_TIMEOUT. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    public LinkCheckSettings settings() {
        try {
            return new LinkCheckSettings(concurrency, perHost, timeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (--concurrency, --per-host, --timeout)", e);
        }
    }
}
