package org.opencg.sip.media;

import java.util.Locale;

/** rtpengine did not do what was asked; the message says why in words an operator understands. */
public class RtpengineException extends RuntimeException {

    /** Why, as far as the caller's answer goes. */
    public enum Cause {
        /** rtpengine is away or did not answer in time: an outage, 503 (the caller may try elsewhere). */
        UNAVAILABLE,
        /** rtpengine cannot read the SDP it was given: the offer is at fault, 488 (RFC 3261 §21.4.26). */
        UNREADABLE_SDP,
        /** rtpengine has no ports left: overload, 503 with Retry-After until calls end. */
        OUT_OF_PORTS
    }

    private final Cause cause;

    public RtpengineException(String message) {
        this(message, Cause.UNAVAILABLE);
    }

    public RtpengineException(String message, Cause cause) {
        super(message);
        this.cause = cause;
    }

    /** rtpengine's own refusal, by its {@code error-reason} (rtpengine's call_interfaces.c wording). */
    static RtpengineException refused(String command, Object reason) {
        String text = String.valueOf(reason);
        String lower = text.toLowerCase(Locale.ROOT);
        Cause cause = lower.contains("ran out of ports") ? Cause.OUT_OF_PORTS
                : lower.contains("sdp") ? Cause.UNREADABLE_SDP : Cause.UNAVAILABLE;
        return new RtpengineException("rtpengine refused '" + command + "': " + text, cause);
    }

    public Cause reason() {
        return cause;
    }

    /** The SIP status the caller gets for a call this ended: 488 for SDP rtpengine cannot read, else 503. */
    public int sipStatus() {
        return cause == Cause.UNREADABLE_SDP ? 488 : 503;
    }

    /** The reason phrase that goes with {@link #sipStatus}. */
    public String sipReason() {
        return switch (cause) {
            case UNREADABLE_SDP -> "Not Acceptable Here (SDP the media anchor cannot read)";
            case OUT_OF_PORTS -> "Service Unavailable (media anchor out of ports)";
            case UNAVAILABLE -> "Service Unavailable (media anchor unavailable)";
        };
    }
}
