package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trunk whose core sends its keys as tones in the audio ({@code dtmf=inband}): its SDP loses its telephone-event
 * payload types (RFC 4733 §7.1.1) before it reaches rtpengine. rtpengine then sees a party without telephone-event and
 * does what it does for one: it listens for the tones in that party's audio and sends each key to the other side as
 * RFC 4733 events, and plays the other side's events to it as tones. A core that lists telephone-event and never
 * sends it (common in the field) would otherwise have its tones passed on as mere audio. Pure text work.
 */
final class InbandDtmf {

    /** {@code a=rtpmap:<format> telephone-event/<clock rate>} (RFC 4733 §7.1.1), the encoding name in any case. */
    private static final Pattern TELEPHONE_EVENT_MAP = Pattern.compile("a=rtpmap:(\\d+)\\s+telephone-event/.*",
            Pattern.CASE_INSENSITIVE);

    private InbandDtmf() {
    }

    /** The SDP without telephone-event: off each audio m= line's formats, and its rtpmap and fmtp lines gone. */
    static String withoutTelephoneEvent(String sdp) {
        if (sdp == null || !sdp.toLowerCase(Locale.ROOT).contains("telephone-event")) {
            return sdp;
        }
        String newline = sdp.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = sdp.split("\r?\n", -1);
        Set<String> events = new HashSet<>();
        for (String line : lines) {
            Matcher map = TELEPHONE_EVENT_MAP.matcher(line);
            if (map.matches()) {
                events.add(map.group(1));
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("m=audio ")) {
                out.add(withoutFormats(line, events));
            } else if (!isAbout(line, "a=rtpmap:", events) && !isAbout(line, "a=fmtp:", events)) {
                out.add(line);
            }
        }
        return String.join(newline, out);
    }

    /** {@code m=audio <port> <proto> <fmt>...} with the given formats taken off (RFC 4566 §5.14). */
    private static String withoutFormats(String mLine, Set<String> formats) {
        String[] parts = mLine.split(" ");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (i < 3 || !formats.contains(parts[i])) {
                kept.add(parts[i]);
            }
        }
        return String.join(" ", kept);
    }

    private static boolean isAbout(String line, String attribute, Set<String> formats) {
        if (!line.startsWith(attribute)) {
            return false;
        }
        int end = line.indexOf(' ');
        return formats.contains(line.substring(attribute.length(), end < 0 ? line.length() : end));
    }
}
