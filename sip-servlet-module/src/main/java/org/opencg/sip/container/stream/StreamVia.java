package org.opencg.sip.container.stream;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request on a connection must name TCP or TLS in its top Via (RFC 3261 §18.1.1). JAIN-SIP takes the Via's word:
 * for one naming UDP it sends the answer as a datagram to the connection's port, then, that failing, makes the Via's
 * address the connection's peer, which later requests on it are judged by. Such a request is refused 400 here, on
 * the connection, before JAIN-SIP sees it. Responses and requests without a Via are left to the parser.
 */
public final class StreamVia {

    private StreamVia() {
    }

    /** @return null to pass the header block on, else the reason of its 400 */
    public static String refusal(byte[] block, int length) {
        if (startsWith(block, 0, length, "SIP/")) {
            return null;
        }
        int start = nextLine(block, 0, length);
        while (start < length) {
            int end = nextLine(block, start, length);
            int colon = indexOf(block, start, end, (byte) ':');
            if (colon > start && isVia(block, start, colon)) {
                String value = new String(block, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1).trim();
                String[] protocol = value.split("[ \t]", 2)[0].split("/");
                String transport = protocol.length == 3 ? protocol[2].trim().toUpperCase(Locale.ROOT) : "";
                return transport.equals("TCP") || transport.equals("TLS") ? null
                        : "Bad Request (Via transport " + (transport.isEmpty() ? "missing" : transport)
                                + " over a connection)";
            }
            start = end;
        }
        return null;
    }

    private static boolean isVia(byte[] block, int start, int colon) {
        int end = colon;
        while (end > start && (block[end - 1] == ' ' || block[end - 1] == '\t')) {
            end--;
        }
        String name = new String(block, start, end - start, StandardCharsets.ISO_8859_1);
        return name.equalsIgnoreCase("via") || name.equalsIgnoreCase("v");
    }

    private static boolean startsWith(byte[] block, int from, int length, String prefix) {
        if (length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (block[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] block, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (block[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int nextLine(byte[] block, int from, int length) {
        for (int i = from; i < length; i++) {
            if (block[i] == '\n') {
                return i + 1;
            }
        }
        return length;
    }
}
