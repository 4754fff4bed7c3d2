package org.opencg.sip.sbc;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.servlet.sip.Rel100Exception;
import javax.servlet.sip.SipServletResponse;

import org.opencg.sip.media.RtpengineException;

/**
 * Provisional answers toward the caller as its operator trunk takes them ({@link Trunk.Provisional}): early media
 * reliably (RFC 3262) or not at all (a 180 instead, RFC 3960 §3), and ringback played by the gateway when the far
 * side rings without media and the caller's network plays none of its own.
 */
final class EarlyMedia {

    private static final Logger LOG = Logger.getLogger(EarlyMedia.class.getName());
    /** How long injected ringback lasts at most (Teams gives up ringing well before). */
    private static final Duration RINGBACK_LIMIT = Duration.ofMinutes(3);

    private final CallMedia media;

    EarlyMedia(CallMedia media) {
        this.media = media;
    }

    /**
     * A callee's 18x the caller's trunk wants otherwise than passed on: a 180 without media that becomes ringback,
     * or early media the trunk does not take.
     *
     * @return whether the caller has been answered here (else the 18x is passed on)
     */
    boolean answered(Call call, SipServletResponse provisional) throws IOException {
        boolean sdp = SipValues.carriesSdp(provisional);
        if (provisional.getStatus() == 180 && !sdp && injectRingback(call)) {
            return true;
        }
        if (!call.callerProvisional.earlyMedia() && sdp) {
            // The caller's network takes no early media: a 180 without SDP lets it play its own ringback; the
            // media comes with the 2xx.
            call.callerInvite.createResponse(180, "Ringing").send();
            return true;
        }
        return false;
    }

    /** The callee's own media has come: ringback the gateway played stops. */
    void calleeMediaCame(Call call) {
        if (call.ringbackInjected) {
            call.ringbackInjected = false;
            media.stopRingback(call, call.callerTag());
        }
    }

    /** Sends an answer to the caller: early media reliably when its trunk wants it so (RFC 3262). */
    static void toCaller(Call call, SipServletResponse answer) throws IOException {
        if (call.callerProvisional.reliable() && answer.getStatus() > 100 && answer.getStatus() < 200
                && answer.getContentLength() > 0 && "INVITE".equals(answer.getMethod())) {
            try {
                answer.sendReliably(); // its PRACK is answered in the servlet's doRequest
                return;
            } catch (Rel100Exception e) {
                LOG.fine(() -> "18x sent unreliably: " + e.getMessage()); // the caller's INVITE has no 100rel
            }
        }
        answer.send();
    }

    /**
     * A 180 without media, for a caller whose trunk cannot play its own ringback (ringback=inject): the caller gets
     * a 183 with media from rtpengine, which plays the ringback tone until the callee's own media comes.
     */
    private boolean injectRingback(Call call) throws IOException {
        if (!call.callerProvisional.injectRingback() || !call.callerProvisional.earlyMedia() || !call.anchored
                || call.lateOffer || call.calleeTag != null) {
            return false;
        }
        SipServletResponse early = call.callerInvite.createResponse(183, "Session Progress");
        try {
            early.setContent(media.ringbackToCaller(call, RINGBACK_LIMIT), "application/sdp");
        } catch (RtpengineException e) {
            LOG.warning(() -> "no ringback for " + call.callerInvite.getCallId() + ": " + e.getMessage());
            return false;
        }
        call.ringbackInjected = true;
        call.towardCaller.forEach(early::setHeader);
        toCaller(call, early);
        return true;
    }
}
