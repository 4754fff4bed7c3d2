package org.opencg.sip.media;

/** rtpengine did not do what was asked; the message says why in words an operator understands. */
public class RtpengineException extends RuntimeException {

    public RtpengineException(String message) {
        super(message);
    }
}
