package org.opencg.sip.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DTMF event rtpengine saw in a call's media (RFC 4733), as it reports it to {@code --dtmf-log-dest}: one flat JSON
 * object per event, e.g. {@code {"callid":"c1","source_tag":"B","tags":["A","B"],"type":"DTMF",...,"event":7,
 * "duration":200,"volume":10}}. Events 0-15 are the keys 0-9, *, #, A-D (RFC 4733 §3.2).
 *
 * @param sourceTag the tag of the party that sent it
 */
public record DtmfEvent(String callId, String sourceTag, char key, int durationMs) {

    private static final String KEYS = "0123456789*#ABCD";
    private static final Pattern CALL_ID = text("callid");
    private static final Pattern SOURCE_TAG = text("source_tag");
    private static final Pattern EVENT = number("event");
    private static final Pattern DURATION = number("duration");

    /** The event in one datagram, or empty for anything else (another type, a key outside 0-15, garbage). */
    public static Optional<DtmfEvent> parse(String json) {
        Matcher callId = CALL_ID.matcher(json);
        Matcher tag = SOURCE_TAG.matcher(json);
        Matcher event = EVENT.matcher(json);
        Matcher duration = DURATION.matcher(json);
        if (!json.contains("\"type\":\"DTMF\"") || !callId.find() || !tag.find() || !event.find()) {
            return Optional.empty();
        }
        int code = Integer.parseInt(event.group(1));
        if (code >= KEYS.length()) {
            return Optional.empty();
        }
        int ms = duration.find() ? Integer.parseInt(duration.group(1)) : 100;
        return Optional.of(new DtmfEvent(unescape(callId.group(1)), unescape(tag.group(1)), KEYS.charAt(code), ms));
    }

    private static Pattern text(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    }

    private static Pattern number(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d{1,9})");
    }

    private static String unescape(String value) {
        return value.replaceAll("\\\\(.)", "$1");
    }
}
