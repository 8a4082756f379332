package io.freecast.catalog.http.client;

import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks stream links with {@code java.net.http}: one virtual thread per URL, at most
 * {@link LinkCheckSettings#concurrency()} requests in flight and at most
 * {@link LinkCheckSettings#perHostLimit()} to any one host.
 *
 * <p>Each link gets a {@code HEAD}; a server that refuses HEAD (405, 501) gets a {@code GET} for its first
 * byte only ({@code Range: bytes=0-0}). Bodies are never read: the stream is closed as soon as the
 * headers are in, which drops the connection if a server ignored the range and started sending a film.
 * Redirects are followed by {@link OutboundHttp} within its limit, the SSRF guard checking every hop.
 *
 * <p>A thread takes its host's permit before a global one, so threads queuing for a busy host never sit
 * on global permits that links to other hosts could use.
 */
public final class HttpLinkChecker implements LinkChecker {

    private static final Logger LOG = LoggerFactory.getLogger(HttpLinkChecker.class);

    private final OutboundHttp http;
    private final LinkCheckSettings settings;
    private final Semaphore global;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();

    public HttpLinkChecker(OutboundHttp http, LinkCheckSettings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.global = new Semaphore(settings.concurrency());
    }

    public LinkCheckSettings settings() {
        return settings;
    }

    @Override
    public Map<URI, LinkProbe> probeAll(Collection<URI> urls) {
        Set<URI> distinct = new LinkedHashSet<>(urls);
        Map<URI, Future<LinkProbe>> pending = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (URI url : distinct) {
                pending.put(url, threads.submit(() -> probeWithinLimits(url)));
            }
        }
        Map<URI, LinkProbe> probes = new LinkedHashMap<>();
        pending.forEach((url, future) -> probes.put(url, future.resultNow()));
        return probes;
    }

    /** Probes one URL once its host and the checker have room for one more request. */
    LinkProbe probeWithinLimits(URI url) {
        String invalid = invalidReason(url);
        if (invalid != null) {
            return new LinkProbe.Failed(FailureKind.INVALID_URL, null, invalid);
        }
        Semaphore host = perHost.computeIfAbsent(url.getHost().toLowerCase(Locale.ROOT),
                h -> new Semaphore(settings.perHostLimit()));
        try {
            host.acquire();
            try {
                global.acquire();
                try {
                    return probe(url);
                } finally {
                    global.release();
                }
            } finally {
                host.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LinkProbe.Failed(FailureKind.CONNECTION, null, "the check was interrupted");
        }
    }

    private LinkProbe probe(URI url) throws InterruptedException {
        try {
            int status = statusOf(request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            if (status == 405 || status == 501) {
                status = statusOf(request(url).GET().header("Range", "bytes=0-0").build());
            }
            return fromStatus(status);
        } catch (IllegalArgumentException e) {
            return new LinkProbe.Failed(FailureKind.INVALID_URL, null, e.getMessage());
        } catch (IOException e) {
            return fromException(e, url.getHost());
        } catch (RuntimeException e) {
            // One strange link must not sink a run over thousands: it counts as a failure, and the log
            // keeps the stack trace for whoever finds out why.
            LOG.warn("unexpected error checking {}", url, e);
            return new LinkProbe.Failed(FailureKind.CONNECTION, null, "unexpected error: " + messageOf(e));
        }
    }

    private HttpRequest.Builder request(URI url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(settings.timeout());
        if (url.getScheme().equalsIgnoreCase("http")) {
            // Plain http: skip the h2c upgrade offer java.net.http makes by default on every new
            // connection; stream hosts do not take it, and a probe has no use for HTTP/2 there.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder;
    }

    /** Sends, follows redirects, and closes the body unread: only the final status matters. */
    private int statusOf(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.sendFollowingRedirects(request, BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    static LinkProbe fromStatus(int status) {
        if (status == 404 || status == 410) {
            return new LinkProbe.Gone(status);
        }
        if (status >= 200 && status < 400) {
            return new LinkProbe.Reachable(status);
        }
        if (status >= 500) {
            return new LinkProbe.Failed(FailureKind.SERVER_ERROR, status, "HTTP " + status);
        }
        return new LinkProbe.Failed(FailureKind.CLIENT_ERROR, status, "HTTP " + status);
    }

    static LinkProbe fromException(IOException e, String host) {
        String message = messageOf(e);
        return switch (e) {
            case BlockedTargetException blocked -> new LinkProbe.Failed(FailureKind.BLOCKED_TARGET, null, message);
            case RedirectException redirect -> switch (redirect.kind()) {
                case LOOP -> new LinkProbe.Failed(FailureKind.REDIRECT_LOOP, redirect.lastStatus(), message);
                case TOO_MANY -> new LinkProbe.Failed(FailureKind.TOO_MANY_REDIRECTS, redirect.lastStatus(), message);
                // A redirect that says nowhere is the server's fault, like a 5xx.
                case MISSING_LOCATION -> new LinkProbe.Failed(FailureKind.SERVER_ERROR, redirect.lastStatus(), message);
            };
            // The same words as every outbound failure (OutboundFailure): "timed out connecting",
            // "connection refused", "TLS handshake failed", "unknown host …".
            case HttpTimeoutException timeout -> new LinkProbe.Failed(FailureKind.TIMEOUT, null,
                    OutboundFailure.describe(e, host));
            default -> new LinkProbe.Failed(FailureKind.CONNECTION, null, OutboundFailure.describe(e, host));
        };
    }

    /** The first message along the cause chain: java.net.http often wraps the telling one. */
    private static String messageOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** Why a URL cannot be requested at all, or {@code null} when it can. */
    private static String invalidReason(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "not an http(s) URL";
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return "the URL has no host";
        }
        return null;
    }
}
