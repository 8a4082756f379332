package io.freecast.catalog.examples.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw HTTP server on 127.0.0.1 that promises a whole feed (its Content-Length) but sends only the first
 * {@code cutAfter} bytes and then closes the connection: a feed cut mid-stream, as a dropped connection
 * or a crashed upstream produces it.
 */
public final class CuttingFeedServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    public CuttingFeedServer(byte[] feed, int cutAfter) {
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    skipRequest(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + feed.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(feed, 0, cutAfter);
                    out.flush();
                } catch (IOException e) {
                    // closed by the test, or the client went away: either way this connection is done
                }
            }
        });
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/feed.json";
    }

    @Override
    public void close() throws InterruptedException {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        thread.join();
    }

    private static void skipRequest(InputStream in) throws IOException {
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }
}
