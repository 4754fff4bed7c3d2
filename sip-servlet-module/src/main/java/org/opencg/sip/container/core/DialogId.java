package org.opencg.sip.container.core;

import javax.servlet.sip.SipSession;

/**
 * OpenCG's extension to JSR 289: the identity of a session's dialog (RFC 3261 §12: Call-ID, local tag, remote tag),
 * which JSR 289 does not expose, for the value of a Replaces header that names it (RFC 3891 §6.1).
 *
 * @param callId    the dialog's Call-ID
 * @param localTag  this side's tag
 * @param remoteTag the far end's tag
 */
public record DialogId(String callId, String localTag, String remoteTag) {

    /** The dialog of a session, or null while it has none (before a final answer or an early dialog). */
    public static DialogId of(SipSession session) {
        javax.sip.Dialog dialog = ((SipSessionImpl) session).dialog();
        if (dialog == null || dialog.getCallId() == null || dialog.getLocalTag() == null
                || dialog.getRemoteTag() == null) { // an ended dialog may have let go of its Call-ID
            return null;
        }
        return new DialogId(dialog.getCallId().getCallId(), dialog.getLocalTag(), dialog.getRemoteTag());
    }

    /**
     * The Replaces value with which the far end of this dialog is asked to replace it: RFC 3891 §3 has the receiver
     * match {@code to-tag} against its own (local) tag and {@code from-tag} against its peer's, i.e. ours.
     */
    public String replacesForRemote() {
        return callId + ";to-tag=" + remoteTag + ";from-tag=" + localTag;
    }
}
