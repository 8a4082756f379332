package io.freecast.catalog.http.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Names why an outbound request failed, in the words an operator knows: "connection refused", "timed out",
 * "TLS handshake failed", "unknown host". {@code java.net.http} wraps the telling exception (a refused
 * connection arrives as a {@code ConnectException} without a message around a {@code ClosedChannelException}),
 * so the whole cause chain is read, the most specific condition first.
 */
final class OutboundFailure {

    private OutboundFailure() {
    }

    /**
     * One short phrase for {@code failure}, e.g. {@code connection refused} or
     * {@code TLS handshake failed (Unsupported or unrecognized SSL message)}.
     *
     * @param host the host the request went to, named by "unknown host"
     */
    static String describe(Throwable failure, String host) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "timed out connecting";
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return "timed out waiting for an answer";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS handshake failed" + detail(t);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host " + host;
            }
            if (t instanceof NoRouteToHostException) {
                return "host unreachable";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                // java.net.http gives a refused connection no message of its own.
                String message = t.getMessage();
                return message == null || message.isBlank() || message.toLowerCase(java.util.Locale.ROOT).contains("refused")
                        ? "connection refused" : "cannot connect" + detail(t);
            }
            if (t instanceof EOFException || t.getMessage() != null && t.getMessage().contains("received no bytes")) {
                return "the connection closed before an answer";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return firstLine(t.getMessage());
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String detail(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? "" : " (" + firstLine(t.getMessage()) + ")";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
