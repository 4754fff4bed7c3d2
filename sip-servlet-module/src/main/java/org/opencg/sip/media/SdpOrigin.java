package org.opencg.sip.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origin line of SDP sent to one party over a dialog. RFC 3264 §8: a later offer in the same session keeps the
 * o= username and session id and increases the version by one; a party may ignore, or refuse, an offer whose origin
 * is another session's. When a call's far end changes (a transfer), the SDP rtpengine makes for the party that stays
 * carries the new far end's origin, so it is put back into this party's session first.
 */
public final class SdpOrigin {

    private static final Pattern ORIGIN = Pattern.compile("(?m)^o=(\\S+) (\\S+) (\\d+) (IN \\S+ \\S+)\\r?$");

    private SdpOrigin() {
    }

    /**
     * {@code next} with the origin of {@code previous} (the SDP last sent to the same party), its version one up,
     * and the address of {@code next}; {@code next} unchanged when either has no origin line.
     */
    public static String continueFrom(String previous, String next) {
        Matcher before = ORIGIN.matcher(previous == null ? "" : previous);
        Matcher now = ORIGIN.matcher(next);
        if (!before.find() || !now.find()) {
            return next;
        }
        long version = Long.parseLong(before.group(3)) + 1;
        String origin = "o=" + before.group(1) + " " + before.group(2) + " " + version + " " + now.group(4);
        return next.substring(0, now.start()) + origin + next.substring(now.start() + now.group().stripTrailing().length());
    }
}
