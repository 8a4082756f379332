package io.freecast.catalog.http.server;

import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The listening socket: XNIO's worker and Undertow's HTTP/1.1 connection handling, set up as Undertow's own
 * builder does, with one difference — every new connection passes through {@link RequestLineGuard} before
 * Undertow's request parser sees a byte of it. The builder offers no such hook, and the parser answers some
 * requests before any handler runs (see {@link RequestLineGuard} for which, and what we say instead).
 */
final class HttpListener {

    /** Undertow's own default for a JVM with more than 128 MB: 16 KB less room for TCP/IP headers. */
    private static final int BUFFER_SIZE = 16 * 1024 - 20;

    private final String host;
    private final int port;
    private final int ioThreads;
    private final int workerThreads;
    private final OptionMap serverOptions;
    private final HttpHandler rootHandler;

    private XnioWorker worker;
    private ByteBufferPool buffers;
    private AcceptingChannel<StreamConnection> channel;

    HttpListener(String host, int port, int ioThreads, int workerThreads, OptionMap serverOptions,
                 HttpHandler rootHandler) {
        this.host = host;
        this.port = port;
        this.ioThreads = ioThreads;
        this.workerThreads = workerThreads;
        this.serverOptions = serverOptions;
        this.rootHandler = rootHandler;
    }

    void start() {
        try {
            worker = Xnio.getInstance(io.undertow.Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, ioThreads)
                    .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                    .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                    .set(Options.WORKER_TASK_CORE_THREADS, workerThreads)
                    .set(Options.WORKER_TASK_MAX_THREADS, workerThreads)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.CORK, true)
                    .getMap());
            buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, -1, 4);
            HttpOpenListener http = new HttpOpenListener(buffers, OptionMap.builder()
                    .set(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                    .addAll(serverOptions)
                    .getMap());
            http.setRootHandler(rootHandler);
            OptionMap socketOptions = OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.REUSE_ADDRESSES, true)
                    .set(Options.BALANCING_TOKENS, 1)
                    .set(Options.BALANCING_CONNECTIONS, 2)
                    .set(Options.BACKLOG, 1000)
                    .getMap();
            channel = worker.createStreamConnectionServer(new InetSocketAddress(host, port),
                    ChannelListeners.openListenerAdapter(new RequestLineGuard(http)), socketOptions);
            channel.resumeAccepts();
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port listened on (the real one when 0 was asked for). */
    int port() {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** Closes the socket, then lets the worker finish what it runs (as Undertow's own stop does). */
    void stop() {
        IoUtils.safeClose(channel);
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination();
            } catch (InterruptedException e) {
                worker.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (buffers != null) {
            buffers.close();
        }
    }
}
