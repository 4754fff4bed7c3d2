package org.opencg.sip.container.stream;

/**
 * Splits a SIP byte stream into messages (RFC 3261 §18.3: the header block ends at the first empty line, the body is
 * Content-Length bytes) and holds each message to a size limit while it is read, before JAIN-SIP's parser sees a
 * byte. JAIN-SIP's own stream parser buffers without bound once it stops reading (a header that never ends fills
 * the heap) and goes silent for good on a header block over half its limit; here a message over the limit is
 * skipped and answered, and a stream that can no longer be framed is closed. Pure: bytes in, {@link Sink} calls out.
 */
public final class MessageFraming {

    /** What the framing hands on, in stream order. */
    public interface Sink {
        /** Bytes of a message within the limit, or line ends kept between messages (RFC 5626 keepalives). */
        void pass(byte[] bytes, int offset, int length);

        /**
         * A message refused whole, its header block ended: over the limit (513), or refused by the header check
         * (400). Its body is skipped and the stream goes on.
         */
        void skipped(byte[] headerBlock, int length, int status, String reason);

        /** The stream cannot be framed any more; nothing more is passed. {@code kept}: the header block so far. */
        void broken(byte[] kept, int length, Broken why);
    }

    /** Why a stream cannot be framed any more. */
    public enum Broken {
        /** A header block over the limit: where it ends, and so where the next message starts, is unknown. */
        TOO_LARGE,
        /** A bare CR, a line of white space only, or a Content-Length that is not one number. */
        MALFORMED
    }

    private enum State { BETWEEN, HEADER, BODY, SKIP, BROKEN }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] CRLF = {CR, LF};
    private static final byte[] LF_ONLY = {LF};

    /** A check of each whole header block before it is passed on: null to pass it, else the 400's reason. */
    @FunctionalInterface
    public interface HeaderCheck {
        String refusal(byte[] headerBlock, int length);
    }

    private final int limit;
    private final HeaderCheck check;
    private final byte[] header;
    private int headerLength;
    private int lineStart;
    private boolean afterCr;
    private long remaining;
    private State state = State.BETWEEN;

    /** @param limit the largest message, header block and body together, in bytes */
    public MessageFraming(int limit, HeaderCheck check) {
        this.limit = limit;
        this.check = check;
        this.header = new byte[limit];
    }

    /** Reads the next bytes of the stream. */
    public void feed(byte[] bytes, int offset, int length, Sink sink) {
        int end = offset + length;
        int at = offset;
        while (at < end) {
            switch (state) {
                case BETWEEN -> at = between(bytes, at, sink);
                case HEADER -> at = header(bytes, at, end, sink);
                case BODY, SKIP -> at = body(bytes, at, end, sink);
                case BROKEN -> at = end;
            }
        }
    }

    /** True once the stream could not be framed: nothing more will be passed. */
    public boolean broken() {
        return state == State.BROKEN;
    }

    /**
     * Between messages only line ends come (keepalives). A CR is held until its LF: JAIN-SIP's line reader fails on
     * a line of two CRs, so a CR without its LF is dropped rather than passed.
     */
    private int between(byte[] bytes, int at, Sink sink) {
        byte b = bytes[at];
        if (b == LF) {
            sink.pass(afterCr ? CRLF : LF_ONLY, 0, afterCr ? 2 : 1);
            afterCr = false;
            return at + 1;
        }
        if (b == CR) {
            afterCr = true;
            return at + 1;
        }
        afterCr = false;
        state = State.HEADER;
        headerLength = 0;
        lineStart = 0;
        return at;
    }

    private int header(byte[] bytes, int at, int end, Sink sink) {
        for (int i = at; i < end; i++) {
            byte b = bytes[i];
            if (afterCr && b != LF) {
                return breakOff(sink, Broken.MALFORMED, end); // RFC 3261 §7: CR only as part of CRLF
            }
            if (headerLength == limit) {
                return breakOff(sink, Broken.TOO_LARGE, end);
            }
            header[headerLength++] = b;
            afterCr = b == CR;
            if (b == LF) {
                int line = headerLength - lineStart;
                boolean empty = line == 1 || line == 2 && header[lineStart] == CR;
                if (empty) {
                    endOfHeader(sink);
                    return i + 1;
                }
                if (whiteSpaceOnly(lineStart, headerLength)) {
                    return breakOff(sink, Broken.MALFORMED, end); // JAIN-SIP would take it for the empty line
                }
                lineStart = headerLength;
            }
        }
        return end;
    }

    private void endOfHeader(Sink sink) {
        long contentLength = ContentLength.of(header, headerLength);
        if (contentLength < 0) {
            breakOff(sink, Broken.MALFORMED, 0);
            return;
        }
        remaining = contentLength;
        String refusal = headerLength + contentLength > limit ? null : check.refusal(header, headerLength);
        if (headerLength + contentLength > limit || refusal != null) {
            sink.skipped(header, headerLength, refusal == null ? 513 : 400,
                    refusal == null ? "Message Too Large" : refusal);
            state = contentLength > 0 ? State.SKIP : State.BETWEEN;
        } else {
            sink.pass(header, 0, headerLength);
            state = contentLength > 0 ? State.BODY : State.BETWEEN;
        }
    }

    private int body(byte[] bytes, int at, int end, Sink sink) {
        int take = (int) Math.min(remaining, end - at);
        if (state == State.BODY) {
            sink.pass(bytes, at, take);
        }
        remaining -= take;
        if (remaining == 0) {
            state = State.BETWEEN;
        }
        return at + take;
    }

    private int breakOff(Sink sink, Broken why, int end) {
        state = State.BROKEN;
        sink.broken(header, headerLength, why);
        return end;
    }

    private boolean whiteSpaceOnly(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = header[i];
            if (b != ' ' && b != '\t' && b != CR && b != LF) {
                return false;
            }
        }
        return true;
    }
}
