package org.opencg.sip.media;

import org.eclipse.microprofile.config.Config;

/** Whether calls' media is anchored in rtpengine and how it is marked (docs/configuration.md). */
public final class MediaSettings {

    public static final String ANCHOR = "opencg.media.anchor";
    public static final String DSCP = "opencg.media.dscp";
    public static final String RINGBACK = "opencg.media.ringback";

    private MediaSettings() {
    }

    /** The anchor, or null when {@code opencg.media.anchor=false} lets media flow end to end. */
    public static MediaAnchor anchor(Config config) {
        return config.getOptionalValue(ANCHOR, Boolean.class).orElse(true)
                ? new MediaAnchor(RtpengineSettings.client(config)) : null;
    }

    /** The IP TOS byte for media: the DSCP (default 46, Expedited Forwarding, RFC 3246) shifted into place. */
    public static int tos(Config config) {
        int dscp = config.getOptionalValue(DSCP, Integer.class).orElse(46);
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException(DSCP + ": " + dscp + " is not a DSCP (0-63)");
        }
        return dscp << 2;
    }

    /** The ringback tone played to a transferee ({@link RingbackTone#DEFAULT}, Europe's, unless set). */
    public static RingbackTone ringback(Config config) {
        try {
            return RingbackTone.parse(config.getOptionalValue(RINGBACK, String.class).orElse(RingbackTone.DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RINGBACK + ": " + e.getMessage(), e);
        }
    }
}
