package io.freecast.catalog.jdbc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay on a loopback port in front of a server (the test PostgreSQL), which a test can cut and
 * restore: an outage of the database as its clients see it, without touching the server itself (other
 * tests keep using it).
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url())) {
 *     JdbcCatalogStore store = JdbcCatalogStore.open(relay.jdbcUrl(db.url()));
 *     relay.cut();      // every relayed connection closed, new ones refused: "connection refused"
 *     relay.restore();  // listening again on the same port
 *     relay.freeze();   // connections stay open, nothing gets through: a server that stopped answering
 *     relay.thaw();     // what was held back is delivered, and everything after it
 * }
 * }</pre>
 */
public final class TcpRelay implements AutoCloseable {

    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:postgresql://)([^/:?]+)(?::(\\d+))?(.*)$");

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile boolean closed;
    private final Object frozenLock = new Object();
    private boolean frozen;

    private TcpRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = listenBelowEphemeralPorts();
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** A relay to {@code host:port}, listening on a free loopback port. */
    public static TcpRelay to(String host, int port) {
        try {
            return new TcpRelay(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a relay on a loopback port: " + e.getMessage(), e);
        }
    }

    /** A relay to the server of a {@code jdbc:postgresql://host[:port]/…} URL. */
    public static TcpRelay inFrontOf(String jdbcUrl) {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/… URL: " + jdbcUrl);
        }
        return to(m.group(2), m.group(3) == null ? 5432 : Integer.parseInt(m.group(3)));
    }

    /** {@code jdbcUrl} with its host and port replaced by this relay's. */
    public String jdbcUrl(String jdbcUrl) {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/… URL: " + jdbcUrl);
        }
        return m.group(1) + "127.0.0.1:" + port + m.group(4);
    }

    /** The loopback port the relay listens on (the same after a {@link #restore()}). */
    public int port() {
        return port;
    }

    /** How many connections the relay has accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** How many relayed connections are open now. */
    public int open() {
        return sockets.size() / 2;
    }

    /**
     * The outage: stops listening (a new connection is refused) and closes every relayed connection (a
     * query under way fails as when the server goes away).
     */
    public synchronized void cut() {
        closeQuietly(listener);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /**
     * A server that stops answering without closing anything (frozen, or cut off by a network that drops
     * packets): connections stay open and new ones are accepted, but no byte goes through either way until
     * {@link #thaw()}. The operating system still acknowledges what is sent, so only a client's own time limit
     * tells it that no answer is coming.
     */
    public void freeze() {
        synchronized (frozenLock) {
            frozen = true;
        }
    }

    /** The end of a {@link #freeze()}: what was held back is delivered, then everything after it. */
    public void thaw() {
        synchronized (frozenLock) {
            frozen = false;
            frozenLock.notifyAll();
        }
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (frozenLock) {
            while (frozen && !closed) {
                frozenLock.wait(100);
            }
        }
    }

    /** The end of the outage: listening again on the same port. */
    public synchronized void restore() {
        if (!listener.isClosed()) {
            return;
        }
        try {
            listener = listen(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + " again: " + e.getMessage(), e);
        }
        startAccepting(listener);
    }

    @Override
    public synchronized void close() {
        closed = true;
        thaw();
        cut();
    }

    /**
     * A free port below Linux's default ephemeral range (32768–60999). A port the kernel handed out (port 0)
     * comes from that range, and while the relay is cut an outgoing connection — a pool's, another test's —
     * may be given it as its local port; then {@link #restore()} could not listen there again.
     */
    private static ServerSocket listenBelowEphemeralPorts() throws IOException {
        int first = 20_000 + ThreadLocalRandom.current().nextInt(10_000);
        for (int port = first; port < 32_768; port++) {
            try {
                return listen(port);
            } catch (BindException taken) {
                // someone listens there: the next one
            }
        }
        return listen(0);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        return socket;
    }

    private void startAccepting(ServerSocket on) {
        Thread.ofPlatform().daemon().name("tcp-relay-accept-" + port).start(() -> {
            while (!on.isClosed()) {
                try {
                    Socket client = on.accept();
                    accepted.incrementAndGet();
                    relay(client);
                } catch (IOException e) {
                    // Closed by cut() or close(): this listener is done.
                }
            }
        });
    }

    private void relay(Socket client) {
        Socket server;
        try {
            server = new Socket();
            server.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        if (closed) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        sockets.add(client);
        sockets.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                awaitThaw();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed, or the relay was cut.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // Closing is all there was to do.
        }
    }
}
