package org.opencg.sip.container.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few fields of a datagram's INVITE or ACK that shedding needs, read from its bytes without JAIN-SIP's parser:
 * the method, the Request-URI's user, the To-tag, and the headers a response copies (RFC 3261 §8.2.6.2: Via,
 * From, To, Call-ID, CSeq). Anything unusual (a folded header line, a header missing, another method) reads as null,
 * and the datagram then goes the normal way: this reader only ever makes shedding cheaper, never decides a call.
 */
final class RawRequest {

    private final String method;
    private final String dialled;
    private final List<String> vias;
    private final String from;
    private final String to;
    private final String callId;
    private final String cseq;
    private final String userAgent;

    private RawRequest(String method, String dialled, List<String> vias, String from, String to, String callId,
            String cseq, String userAgent) {
        this.method = method;
        this.dialled = dialled;
        this.vias = vias;
        this.from = from;
        this.to = to;
        this.callId = callId;
        this.cseq = cseq;
        this.userAgent = userAgent;
    }

    /** An INVITE or ACK in the first {@code length} bytes, or null for anything else or anything unusual. */
    static RawRequest read(byte[] bytes, int length) {
        String method = length > 7 && startsWith(bytes, "INVITE ") ? "INVITE"
                : length > 4 && startsWith(bytes, "ACK ") ? "ACK" : null;
        if (method == null) {
            return null;
        }
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].equals("SIP/2.0")) {
            return null;
        }
        List<String> vias = new ArrayList<>();
        String from = null;
        String to = null;
        String callId = null;
        String cseq = null;
        String userAgent = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t' || colon <= 0) {
                return null; // folded or broken: JAIN-SIP's parser decides
            }
            String value = line.substring(colon + 1).strip();
            switch (line.substring(0, colon).strip().toLowerCase(Locale.ROOT)) {
                case "via", "v" -> vias.add(value);
                case "from", "f" -> from = value;
                case "to", "t" -> to = value;
                case "call-id", "i" -> callId = value;
                case "cseq" -> cseq = value;
                case "user-agent" -> userAgent = value;
                default -> {
                }
            }
        }
        if (vias.isEmpty() || from == null || to == null || callId == null || cseq == null
                || !cseq.toUpperCase(Locale.ROOT).endsWith(" " + method)) {
            return null;
        }
        return new RawRequest(method, user(requestLine[1]), List.copyOf(vias), from, to, callId, cseq, userAgent);
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The user of a sip:, sips: or tel: URI (what a priority dial string is matched with), else null. */
    private static String user(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            int params = uri.indexOf(';');
            return uri.substring(4, params < 0 ? uri.length() : params);
        }
        int scheme = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
        int at = uri.indexOf('@');
        if (scheme < 0 || at < scheme) {
            return null;
        }
        String user = uri.substring(scheme, at);
        int params = user.indexOf(';');
        return params < 0 ? user : user.substring(0, params);
    }

    boolean isInvite() {
        return method.equals("INVITE");
    }

    /** The Request-URI's user, null when it has none. */
    String dialled() {
        return dialled;
    }

    String userAgent() {
        return userAgent;
    }

    /**
     * What tells this request's transaction from others (RFC 3261 §17.2.3): the top Via's branch with the Call-ID,
     * null without a branch.
     */
    String transactionKey() {
        String via = vias.get(0);
        int comma = via.indexOf(',');
        for (String param : (comma < 0 ? via : via.substring(0, comma)).split(";")) {
            String[] pair = param.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("branch")) {
                return pair[1].strip().toLowerCase(Locale.ROOT) + " " + callId;
            }
        }
        return null;
    }

    /** The To header's tag parameter (outside its URI's angle brackets), null when it has none. */
    String toTag() {
        String header = to;
        int close = header.lastIndexOf('>');
        String params = close >= 0 ? header.substring(close + 1) : header.substring(Math.max(0, header.indexOf(';')));
        for (String param : params.split(";")) {
            String[] pair = param.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("tag")) {
                return pair[1].strip();
            }
        }
        return null;
    }

    /**
     * A final response to this request, as a UAS sends it without a transaction: the request's Via lines, From, To
     * with {@code tag} added when it has none, Call-ID and CSeq, then {@code extra} header lines (each without its
     * line end), no body.
     */
    byte[] response(int status, String reason, String tag, String... extra) {
        StringBuilder out = new StringBuilder(512).append("SIP/2.0 ").append(status).append(' ').append(reason)
                .append("\r\n");
        for (String via : vias) {
            out.append("Via: ").append(via).append("\r\n");
        }
        out.append("From: ").append(from).append("\r\n");
        out.append("To: ").append(to).append(toTag() == null ? ";tag=" + tag : "").append("\r\n");
        out.append("Call-ID: ").append(callId).append("\r\n");
        out.append("CSeq: ").append(cseq).append("\r\n");
        for (String line : extra) {
            out.append(line).append("\r\n");
        }
        out.append("Content-Length: 0\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A To-tag that is the same for every retransmission of this request: derived from its Call-ID and From. */
    String stableTag(String prefix) {
        return prefix + Integer.toHexString(callId.hashCode() * 31 + from.hashCode());
    }
}
