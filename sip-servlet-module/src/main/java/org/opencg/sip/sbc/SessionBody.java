package org.opencg.sip.sbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A message body as the B2BUA passes it on: the SDP in it, which media anchoring rewrites, and everything else byte
 * for byte. The SDP is the whole body ({@code application/sdp}) or the {@code application/sdp} part of a multipart
 * body (RFC 5621), as Teams sends every emergency call: SDP beside a PIDF-LO location (RFC 6442) that must reach the
 * operator untouched. A body without SDP, or a multipart body that cannot be read, has none; it is never refused for
 * that here. Pure: bytes in, bytes out.
 *
 * @param contentType the body's Content-Type, parameters included (a multipart boundary is kept as it was)
 * @param bytes       the body
 * @param sdpStart    where the SDP begins in {@code bytes}, -1 when there is none
 * @param sdpEnd      where it ends (exclusive)
 * @param closing     where a readable multipart body's closing delimiter begins, -1 for other bodies: an SDP the
 *                    body lacks is added there as a part of its own
 */
public record SessionBody(String contentType, byte[] bytes, int sdpStart, int sdpEnd, int closing) {

    private static final String SDP = "application/sdp";

    public static SessionBody of(String contentType, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (contentType == null || bytes.length == 0) {
            return new SessionBody(contentType, bytes, -1, -1, -1);
        }
        String media = mediaType(contentType);
        if (media.equals(SDP)) {
            return new SessionBody(contentType, bytes, 0, bytes.length, -1);
        }
        if (media.startsWith("multipart/")) {
            String boundary = parameter(contentType, "boundary");
            if (boundary != null) {
                byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
                int closing = indexOf(bytes, ("\r\n--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1), 0);
                int[] part = part(bytes, delimiter, SDP);
                if (part != null) {
                    return new SessionBody(contentType, bytes, part[0], part[1], closing);
                }
                return new SessionBody(contentType, bytes, -1, -1, closing);
            }
        }
        return new SessionBody(contentType, bytes, -1, -1, -1);
    }

    /** The SDP, or null when the body carries none. */
    public String sdp() {
        return sdpStart < 0 ? null : new String(bytes, sdpStart, sdpEnd - sdpStart, StandardCharsets.UTF_8);
    }

    /**
     * The content of the body's first part of this media type (e.g. {@code application/pidf+xml}), or of the whole
     * body when it is of that type; null when there is none or the body cannot be read.
     */
    public String part(String mediaType) {
        if (contentType == null || bytes.length == 0) {
            return null;
        }
        String media = mediaType(contentType);
        if (media.equals(mediaType)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        String boundary = media.startsWith("multipart/") ? parameter(contentType, "boundary") : null;
        int[] found = boundary == null ? null
                : part(bytes, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1), mediaType);
        return found == null ? null : new String(bytes, found[0], found[1] - found[0], StandardCharsets.UTF_8);
    }

    /** A multipart body whose parts can be told apart: an SDP goes in it as a part. */
    public boolean readableMultipart() {
        return closing >= 0;
    }

    /**
     * The body with {@code sdp} in place of its SDP, every other byte as it was; a readable multipart body without an
     * SDP part gets one before its closing delimiter; any other body without SDP is kept whole.
     */
    public byte[] withSdp(String sdp) {
        if (sdpStart < 0 && closing >= 0) {
            String boundary = parameter(contentType, "boundary");
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + sdp.length() + 64);
            out.write(bytes, 0, closing);
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Type: application/sdp\r\n\r\n" + sdp)
                    .getBytes(StandardCharsets.UTF_8));
            out.write(bytes, closing, bytes.length - closing);
            return out.toByteArray();
        }
        if (sdpStart < 0) {
            return bytes.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256);
        out.write(bytes, 0, sdpStart);
        out.writeBytes(sdp.getBytes(StandardCharsets.UTF_8));
        out.write(bytes, sdpEnd, bytes.length - sdpEnd);
        return out.toByteArray();
    }

    /**
     * The content of the first part whose Content-Type is this media type, as {start, end}: RFC 2046 §5.1.1, a part
     * runs from the line after a delimiter line to the CRLF before the next; its headers end at its first empty line.
     */
    private static int[] part(byte[] body, byte[] delimiter, String mediaType) {
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int lineEnd = indexOf(body, new byte[] {'\n'}, at);
            if (lineEnd < 0) {
                return null;
            }
            int partStart = lineEnd + 1;
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                return null; // no closing delimiter: not a body that can be read
            }
            int partEnd = next;
            if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
                partEnd -= 2; // the CRLF before a delimiter belongs to the delimiter
            } else if (partEnd >= 1 && body[partEnd - 1] == '\n') {
                partEnd -= 1;
            }
            int[] content = contentIf(mediaType, body, partStart, partEnd);
            if (content != null) {
                return content;
            }
            at = next;
        }
        return null;
    }

    private static int[] contentIf(String mediaType, byte[] body, int start, int end) {
        int line = start;
        boolean wanted = false;
        while (line < end) {
            int lineEnd = line;
            while (lineEnd < end && body[lineEnd] != '\n') {
                lineEnd++;
            }
            String header = new String(body, line, lineEnd - line, StandardCharsets.ISO_8859_1).strip();
            if (header.isEmpty()) {
                return wanted ? new int[] {Math.min(lineEnd + 1, end), end} : null;
            }
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).strip().equalsIgnoreCase("content-type")) {
                wanted = mediaType(header.substring(colon + 1)).equals(mediaType);
            }
            line = lineEnd + 1;
        }
        return null;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String parameter(String contentType, String name) {
        String[] pieces = contentType.split(";");
        for (int i = 1; i < pieces.length; i++) {
            String[] pair = pieces[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase(name)) {
                String value = pair[1].strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
