package io.freecast.catalog.http.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * The reading side of a connection, below Undertow's request parser: each request line we can locate is
 * checked by {@link RequestLineCheck} before the parser sees it. A line that fails is spoiled (its first byte
 * zeroed) so the parser refuses it at once, and the answer it deserves is kept here for
 * {@link ParserRejectionConduit}, which writes it in place of the parser's bare 400.
 *
 * <p>A request line can be located only where the next read begins one: at the start of the connection, and
 * after an exchange that left nothing read ahead ({@link #expectRequestLine}, called by
 * {@link RequestLineGuard}). Requests pipelined behind another, already read with it, go to the parser
 * unchecked. When the line arrives whole in one read — nearly always — it is checked where it lies, without
 * a copy; a line split across reads is held back until its end arrives.
 */
final class RequestLineConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

    /** Longer lines are not held back: the request-target cap (a 414 problem) speaks for them. */
    static final int MAX_CHECKED_LINE = 16 * 1024;

    private volatile boolean expectingRequestLine = true;
    private volatile RejectionAnswer rejection;
    /** The start of a request line whose end has not arrived, kept from the parser until it has. */
    private ByteBuffer heldBack;
    /** Bytes checked (or spoiled) and owed to the parser before anything new is read. */
    private ByteBuffer owed;

    RequestLineConduit(StreamSourceConduit next) {
        super(next);
    }

    /** The next bytes read begin a request line. */
    void expectRequestLine() {
        expectingRequestLine = true;
    }

    /** The answer for the request line refused on this connection; the generic one if none was checked. */
    RejectionAnswer takeRejection() {
        RejectionAnswer answer = rejection;
        rejection = null;
        return answer != null ? answer : RejectionAnswer.UNREADABLE_REQUEST;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (owed != null) {
            return payOwed(dst);
        }
        if (!expectingRequestLine) {
            return next.read(dst);
        }
        return readRequestLine(dst);
    }

    private int readRequestLine(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int read = next.read(dst);
        if (read <= 0) {
            if (read < 0) {
                heldBack = null; // the client went away mid-line: there is no one to answer
            }
            return read;
        }
        int lineFeed = indexOfLineFeed(dst, start, dst.position());
        if (heldBack == null && lineFeed >= 0) {
            expectingRequestLine = false;
            judge(dst, start, lineFeed);
            return read;
        }
        holdBack(dst, start);
        if (lineFeed < 0 && heldBack.position() < MAX_CHECKED_LINE) {
            return 0; // the rest of the line is still on its way
        }
        expectingRequestLine = false;
        ByteBuffer line = heldBack.flip();
        heldBack = null;
        int end = indexOfLineFeed(line, 0, line.limit());
        if (end >= 0) {
            judge(line, 0, end);
        }
        owed = line;
        return payOwed(dst);
    }

    /** Checks the line in {@code bytes[start, lineFeed)}; a refused one is spoiled and its answer kept. */
    private void judge(ByteBuffer bytes, int start, int lineFeed) {
        int end = lineFeed > start && bytes.get(lineFeed - 1) == '\r' ? lineFeed - 1 : lineFeed;
        RejectionAnswer answer = RequestLineCheck.check(bytes, start, end);
        if (answer != null) {
            rejection = answer;
            bytes.put(start, (byte) 0); // no request line starts with NUL: the parser refuses it at once
        }
    }

    /** Moves what the last read put in {@code dst} (from {@code start}) to the held-back line. */
    private void holdBack(ByteBuffer dst, int start) {
        int length = dst.position() - start;
        if (heldBack == null) {
            heldBack = ByteBuffer.allocate(Math.max(256, length));
        } else if (heldBack.remaining() < length) {
            // Grows with what the client actually sent, so an idle half-sent line costs little.
            ByteBuffer larger = ByteBuffer.allocate(Math.max(heldBack.capacity() * 2, heldBack.position() + length));
            heldBack.flip();
            larger.put(heldBack);
            heldBack = larger;
        }
        heldBack.put(dst.slice(start, length));
        dst.position(start);
    }

    private int payOwed(ByteBuffer dst) {
        int count = Math.min(owed.remaining(), dst.remaining());
        dst.put(dst.position(), owed, owed.position(), count);
        dst.position(dst.position() + count);
        owed.position(owed.position() + count);
        if (!owed.hasRemaining()) {
            owed = null;
        }
        return count;
    }

    private static int indexOfLineFeed(ByteBuffer bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        if (owed == null && !expectingRequestLine) {
            return next.read(dsts, offs, len);
        }
        for (int i = offs; i < offs + len; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        if (owed == null && !expectingRequestLine) {
            return next.transferTo(position, count, target);
        }
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        if (owed == null && !expectingRequestLine) {
            return next.transferTo(count, throughBuffer, target);
        }
        return Conduits.transfer(this, count, throughBuffer, target);
    }

    // Bytes owed are readable now, though the socket may have nothing: the reader must not wait on it.

    @Override
    public void resumeReads() {
        if (owed != null) {
            next.wakeupReads();
        } else {
            next.resumeReads();
        }
    }

    @Override
    public void awaitReadable() throws IOException {
        if (owed == null) {
            next.awaitReadable();
        }
    }

    @Override
    public void awaitReadable(long time, TimeUnit timeUnit) throws IOException {
        if (owed == null) {
            next.awaitReadable(time, timeUnit);
        }
    }
}
