package org.opencg.sip.sbc;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

/**
 * A party taking a leg's place in a {@link Call} (an INVITE with Replaces), while the party that stays answers the
 * re-offer of its media. Touched on the call's queue only, like the call.
 *
 * @param invite           the new party's INVITE, answered once the staying party has answered
 * @param replaced         the leg it replaces, ended with BYE once it has taken its place
 * @param reoffer          the re-INVITE to the party that stays
 * @param replacedIsCaller whether the replaced leg is the caller's
 * @param newTag           the new party's From-tag: rtpengine's name for its media
 * @param newOnMicrosoft   whether the new party is on the Teams/Zoom side (the replaced leg's side)
 */
record Replacement(SipServletRequest invite, SipSession replaced, SipServletRequest reoffer, boolean replacedIsCaller,
        String newTag, boolean newOnMicrosoft) {

    /** Is this the answer to the re-offer (same leg, same CSeq)? */
    boolean answers(SipServletResponse response) {
        return "INVITE".equals(response.getMethod()) && response.getSession().getId().equals(reoffer.getSession()
                .getId()) && String.valueOf(response.getHeader("CSeq")).equals(reoffer.getHeader("CSeq"));
    }
}
