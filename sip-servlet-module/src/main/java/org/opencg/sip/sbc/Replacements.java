package org.opencg.sip.sbc;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipSessionsUtil;

import org.opencg.core.calls.CallRecord;
import org.opencg.sip.container.core.SessionSides;
import org.opencg.sip.media.RtpengineException;

/**
 * An INVITE with Replaces (RFC 3891) for a leg of an answered call: a phone of the operator's network picking the
 * call up or completing an attended transfer, or Teams doing the same (the SBC must take INVITE with Replaces,
 * acg-behaviour.md §3.8). The container put the INVITE in the call's application session (JSR 289
 * {@code SipSessionsUtil.getCorrespondingSipSession}); the party that stays is re-offered media from the new one, the
 * new one is answered with the staying party's, the new leg takes the replaced leg's place, and the replaced leg gets
 * BYE (RFC 3891 §3). The Replaces itself never goes on: the other side sees only a re-INVITE.
 */
final class Replacements {

    private static final Logger LOG = Logger.getLogger(Replacements.class.getName());

    private final SipSessionsUtil sessions;
    private final CallMedia media;
    private final CallDirectory directory;
    private final Consumer<CallRecord> records;
    private final String xMsSbc;

    Replacements(SipSessionsUtil sessions, CallMedia media, CallDirectory directory, Consumer<CallRecord> records,
            String xMsSbc) {
        this.sessions = sessions;
        this.media = media;
        this.directory = directory;
        this.records = records;
        this.xMsSbc = xMsSbc;
    }

    /** An initial INVITE with a Replaces header: it takes a leg's place, or is refused saying why. */
    void invite(SipServletRequest invite) throws IOException {
        SipSession replaced = sessions.getCorrespondingSipSession(invite.getSession(), "Replaces");
        Call call = replaced == null ? null : (Call) invite.getApplicationSession().getAttribute(Call.ATTRIBUTE);
        if (call == null || call.ended() || call.answered == null
                || !(call.isCaller(replaced) || call.isCurrent(replaced))) {
            // RFC 3891 §3: no confirmed dialog of this gateway matches (early dialogs are not taken over here).
            refuse(invite, 481, "Call/Transaction Does Not Exist (Replaces names no answered call)");
        } else if (ReplacesValue.parse(invite.getHeader("Replaces")).map(ReplacesValue::earlyOnly).orElse(false)) {
            // RFC 3891 §3: early-only names an answered dialog.
            refuse(invite, 486, "Busy Here (early-only, and the call is answered)");
        } else if (!String.valueOf(SessionSides.sideOf(invite.getSession())).equals(SessionSides.sideOf(replaced))) {
            refuse(invite, 403, "Forbidden (Replaces names a dialog with the other side)");
        } else if (!media.anchored()) {
            refuse(invite, 501, "Not Implemented (taking a leg's place needs the media anchor)");
        } else if (call.transfer != null || call.replacement != null) {
            refuse(invite, 491, "Request Pending (the call is being transferred)");
        } else if (!SipValues.carriesSdp(invite)) {
            refuse(invite, 488, "Not Acceptable Here (an INVITE with Replaces must offer SDP)");
        } else {
            reoffer(call, invite, replaced);
        }
    }

    private void reoffer(Call call, SipServletRequest invite, SipSession replaced) throws IOException {
        boolean replacedIsCaller = call.isCaller(replaced);
        SipSession staying = replacedIsCaller ? call.callee : call.caller();
        String newTag = invite.getFrom().getParameter("tag");
        String offer;
        try {
            offer = media.replacementOffer(call, !replacedIsCaller, newTag, SipValues.sdp(invite));
        } catch (RtpengineException e) {
            LOG.warning(() -> "Replaces in " + call.callerInvite.getCallId() + " refused: " + e.getMessage());
            refuse(invite, 503, "Service Unavailable (media anchor unavailable)");
            return;
        }
        // The new leg answers as the replaced one did (the Contact Teams knows the gateway by).
        SessionSides.contactHost(invite.getSession(), SessionSides.contactHostOf(replaced));
        SipServletRequest reoffer = staying.createRequest("INVITE");
        reoffer.setContent(offer, "application/sdp");
        call.replacement = new Replacement(invite, replaced, reoffer, replacedIsCaller, newTag,
                replacedIsCaller ? call.callerOnMicrosoft : call.calleeOnMicrosoft);
        reoffer.send();
    }

    /** An answer to a replacement's re-offer: the new party is answered, and takes the replaced leg's place. */
    void stayingAnswered(Call call, SipServletResponse response) throws IOException {
        Replacement r = call.replacement;
        if (response.getStatus() < 200) {
            return;
        }
        call.replacement = null;
        if (r.invite().isCommitted()) {
            // The new party gave up (CANCEL, answered 487 by the container) while the staying one was re-offered:
            // its answer is acknowledged and not given to rtpengine, which keeps the call's media as it was.
            if (response.getStatus() < 300) {
                response.createAck().send();
            }
            return;
        }
        if (response.getStatus() >= 300) {
            // The staying party keeps the media it had, and the replaced leg its place.
            refuse(r.invite(), 488, "Not Acceptable Here (the other party refused the new media with "
                    + response.getStatus() + ")");
            return;
        }
        response.createAck().send();
        String answer;
        try {
            answer = media.replacementAnswer(call, !r.replacedIsCaller(), r.newTag(), r.newOnMicrosoft(),
                    SipValues.sdp(response));
        } catch (RtpengineException e) {
            LOG.warning(() -> "Replaces in " + call.callerInvite.getCallId() + " failed: " + e.getMessage());
            refuse(r.invite(), 503, "Service Unavailable (media anchor unavailable)");
            return;
        }
        SipServletResponse ok = r.invite().createResponse(200);
        ok.setContent(answer, "application/sdp");
        if (r.newOnMicrosoft()) {
            ok.setHeader("X-MS-SBC", xMsSbc);
        }
        ok.send();
        try {
            r.replaced().createRequest("BYE").send();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "BYE to the replaced leg not sent", e);
        }
        String who = SipValues.userOf(r.invite().getFrom().getURI());
        records.accept(call.transferred(r.replacedIsCaller(), r.invite().getSession(), r.newTag(), r.newOnMicrosoft(),
                who, call.peer, "Replaced by " + who));
        directory.list(call);
        LOG.fine(() -> "leg of " + call.callerInvite.getCallId() + " replaced by " + who);
    }

    private static void refuse(SipServletRequest invite, int status, String reason) throws IOException {
        invite.createResponse(status, reason).send();
    }
}
