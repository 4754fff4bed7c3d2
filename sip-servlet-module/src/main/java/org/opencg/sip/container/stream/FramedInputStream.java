package org.opencg.sip.container.stream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A connection's input as JAIN-SIP reads it, framed by {@link MessageFraming}: messages within the limit come
 * through unchanged; one over it is answered 513 through {@link Refusals} and skipped, as is one whose top Via does
 * not name a connection's transport (400, {@link StreamVia}); when the stream cannot be
 * framed any more, the request is answered if it can be (513 or 400) and the stream ends, so JAIN-SIP closes the
 * connection. Memory per connection is bounded by the limit, whatever the peer sends.
 */
final class FramedInputStream extends InputStream {

    /** Where refused messages are answered and counted. */
    interface Refusals {
        /** Writes a response on the connection. */
        void answer(byte[] response) throws IOException;

        /** Counts and logs a refusal; {@code closing}: the connection is closed for it. */
        void refused(int status, String reason, boolean closing);
    }

    private static final int CHUNK = 4096;

    private final InputStream raw;
    private final MessageFraming framing;
    private final Refusals refusals;
    private final byte[] chunk = new byte[CHUNK];
    private byte[] ready = new byte[CHUNK];
    private int readyStart;
    private int readyEnd;
    private boolean ended;

    private final MessageFraming.Sink sink = new MessageFraming.Sink() {
        @Override
        public void pass(byte[] bytes, int offset, int length) {
            append(bytes, offset, length);
        }

        @Override
        public void skipped(byte[] headerBlock, int length, int status, String reason) {
            refuse(headerBlock, length, status, reason, false);
        }

        @Override
        public void broken(byte[] kept, int length, MessageFraming.Broken why) {
            if (why == MessageFraming.Broken.TOO_LARGE) {
                refuse(kept, length, 513, "Message Too Large", true);
            } else {
                refuse(kept, length, 400, "Malformed Message Framing", true);
            }
        }
    };

    FramedInputStream(InputStream raw, int limit, Refusals refusals) {
        this.raw = raw;
        this.framing = new MessageFraming(limit, StreamVia::refusal);
        this.refusals = refusals;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        while (readyStart == readyEnd) {
            if (ended || framing.broken()) {
                return -1;
            }
            int count = raw.read(chunk, 0, CHUNK);
            if (count < 0) {
                ended = true;
                return -1;
            }
            readyStart = 0;
            readyEnd = 0;
            framing.feed(chunk, 0, count, sink);
        }
        int take = Math.min(length, readyEnd - readyStart);
        System.arraycopy(ready, readyStart, into, offset, take);
        readyStart += take;
        return take;
    }

    @Override
    public int available() {
        return readyEnd - readyStart;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    private void append(byte[] bytes, int offset, int length) {
        if (readyEnd + length > ready.length) {
            ready = Arrays.copyOf(ready, Math.max(ready.length * 2, readyEnd + length));
        }
        System.arraycopy(bytes, offset, ready, readyEnd, length);
        readyEnd += length;
    }

    private void refuse(byte[] headerBlock, int length, int status, String reason, boolean closing) {
        refusals.refused(status, reason, closing);
        StreamAnswer.of(headerBlock, length, status, reason).ifPresent(response -> {
            try {
                refusals.answer(response);
            } catch (IOException e) {
                ended = true; // the peer has gone: nothing more to read either
            }
        });
    }
}
