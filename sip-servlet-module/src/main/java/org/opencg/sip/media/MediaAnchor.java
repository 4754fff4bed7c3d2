package org.opencg.sip.media;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.opencg.core.calls.MediaQuality;

/**
 * Anchors calls' media in rtpengine: every SDP of a call passes through here and comes out as the side it goes to
 * takes it ({@link MediaSide}). Offer and answer failures are the caller's to handle (a new call is refused);
 * at the end of a call a failure is only logged, since nothing is left to refuse.
 */
public class MediaAnchor {

    private static final Logger LOG = Logger.getLogger(MediaAnchor.class.getName());

    private final RtpengineClient rtpengine;

    public MediaAnchor(RtpengineClient rtpengine) {
        this.rtpengine = rtpengine;
    }

    /** @throws RtpengineException when rtpengine is away or refuses the SDP */
    public String offer(String callId, String fromTag, String sdp, MediaSide toward) {
        return sdpOf(rtpengine.request(NgCommands.offer(callId, fromTag, sdp, toward)));
    }

    /** @throws RtpengineException when rtpengine is away or refuses the SDP */
    public String answer(String callId, String fromTag, String toTag, String sdp, MediaSide toward) {
        return sdpOf(rtpengine.request(NgCommands.answer(callId, fromTag, toTag, sdp, toward)));
    }

    /** @throws RtpengineException when rtpengine is away or cannot inject into this call */
    public void playDtmf(String callId, String fromTag, char digit, int durationMs) {
        rtpengine.request(NgCommands.playDtmf(callId, fromTag, digit, durationMs));
    }

    /** @throws RtpengineException when rtpengine is away or cannot play into this call */
    public void play(String callId, String tag, byte[] media, int times) {
        rtpengine.request(NgCommands.playMedia(callId, tag, media, times));
    }

    /** Stops what {@link #play} started; a failure is only logged (the playback ends by itself). */
    public void stopPlaying(String callId, String tag) {
        try {
            rtpengine.request(NgCommands.stopMedia(callId, tag));
        } catch (RtpengineException e) {
            LOG.log(Level.WARNING, "playback to " + tag + " in " + callId + " not stopped: " + e.getMessage());
        }
    }

    /** Releases the call's media ports; returns how its media went, or null when rtpengine could not say. */
    public MediaQuality end(String callId) {
        MediaQuality quality = null;
        try {
            quality = QualityReport.of(rtpengine.request(NgCommands.query(callId)));
        } catch (RtpengineException e) {
            LOG.log(Level.FINE, "no media statistics for " + callId + ": " + e.getMessage());
        }
        try {
            rtpengine.request(NgCommands.delete(callId));
        } catch (RtpengineException e) {
            // rtpengine drops a call's ports by itself once no media flows (its --timeout).
            LOG.log(Level.WARNING, "media of " + callId + " not released: " + e.getMessage());
        }
        return quality;
    }

    private static String sdpOf(Map<String, Object> reply) {
        Object sdp = reply.get("sdp");
        if (!(sdp instanceof String text)) {
            throw new RtpengineException("rtpengine answered without SDP: " + reply);
        }
        return text;
    }
}
