package io.freecast.catalog.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --allow-private}: the one switch of the SSRF guard, the same on every command that makes
 * outbound requests (feeds, ratings, link checks).
 */
public final class OutboundOptions {

    @Option(names = "--allow-private", defaultValue = "${env:CATALOG_ALLOW_PRIVATE_TARGETS:-false}",
            description = "Allow requests to private, loopback and link-local addresses. "
                    + "Env: CATALOG_ALLOW_PRIVATE_TARGETS. Default: ${DEFAULT-VALUE}")
    boolean allowPrivate;

    public boolean allowPrivate() {
        return allowPrivate;
    }
}
