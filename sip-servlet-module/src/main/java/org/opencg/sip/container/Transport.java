package org.opencg.sip.container;

import java.util.Locale;

/** SIP transports a listening point can use (RFC 3261 §18). */
public enum Transport {
    UDP, TCP, TLS;

    /** Parses {@code udp}, {@code TCP}, ...; null when the text names no transport. */
    static Transport parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The name JAIN-SIP uses. */
    public String jainName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
