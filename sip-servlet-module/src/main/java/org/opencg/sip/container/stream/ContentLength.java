package org.opencg.sip.container.stream;

/**
 * The Content-Length of a raw header block (RFC 3261 §20.14, compact form {@code l}), read without parsing the
 * message: over a stream it is what says where the next message starts.
 */
final class ContentLength {

    /** Longer than this many digits is not a length any stream will carry. */
    private static final int MAX_DIGITS = 18;

    private ContentLength() {
    }

    /** @return the length; 0 when the block has none; -1 when a value is not a number or two values differ */
    static long of(byte[] block, int length) {
        long found = -2;
        int start = nextLine(block, 0, length); // the start line carries no header
        while (start < length) {
            int end = nextLine(block, start, length);
            if (block[start] != ' ' && block[start] != '\t') { // a folded line continues the header before it
                long value = valueIfContentLength(block, start, end);
                if (value == -1 || value >= 0 && found >= 0 && value != found) {
                    return -1;
                }
                if (value >= 0) {
                    found = value;
                }
            }
            start = end;
        }
        return Math.max(found, 0);
    }

    /** @return the start of the line after the one at {@code from} */
    private static int nextLine(byte[] block, int from, int length) {
        for (int i = from; i < length; i++) {
            if (block[i] == '\n') {
                return i + 1;
            }
        }
        return length;
    }

    /** @return the value; -2 for another header; -1 for a Content-Length that is not a number */
    private static long valueIfContentLength(byte[] block, int start, int end) {
        int colon = -1;
        for (int i = start; i < end; i++) {
            if (block[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return -2;
        }
        int nameEnd = colon;
        while (nameEnd > start && isSpace(block[nameEnd - 1])) {
            nameEnd--;
        }
        if (!named(block, start, nameEnd, "content-length") && !named(block, start, nameEnd, "l")) {
            return -2;
        }
        long value = 0;
        int digits = 0;
        int i = colon + 1;
        while (i < end && isSpace(block[i])) {
            i++;
        }
        while (i < end && block[i] >= '0' && block[i] <= '9') {
            value = value * 10 + (block[i] - '0');
            if (++digits > MAX_DIGITS) {
                return -1;
            }
            i++;
        }
        while (i < end && (isSpace(block[i]) || block[i] == '\r' || block[i] == '\n')) {
            i++;
        }
        return digits == 0 || i < end ? -1 : value;
    }

    private static boolean named(byte[] block, int start, int end, String name) {
        if (end - start != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.toLowerCase((char) block[start + i]) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }
}
