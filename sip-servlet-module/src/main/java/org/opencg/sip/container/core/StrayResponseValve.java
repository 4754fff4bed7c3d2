package org.opencg.sip.container.core;

import javax.sip.SipStack;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Handles responses whose client transaction is gone before JAIN-SIP does: JAIN-SIP would compare each of them
 * with every live client transaction, an O(n) scan meant for RFC 2543 peers that, under load, costs more CPU
 * than the calls themselves. With an RFC 3261 branch (magic cookie) the key lookup is final (RFC 3261
 * §17.1.3): a 2xx to INVITE is a retransmission, answered by sending its ACK again through the dialog
 * (§13.2.2.4), or, on a branch our proxy forwarded, relayed upstream by the dispatcher; any other such response is
 * stray and dropped (§18.1.2).
 */
public final class StrayResponseValve implements SIPMessageValve {

    private static final String MAGIC_COOKIE = "z9hg4bk";
    private static final String PROXIED = ProxyBranchImpl.VIA_BRANCH_PREFIX.toLowerCase(java.util.Locale.ROOT);

    private SIPTransactionStack stack;

    @Override
    public void init(SipStack sipStack) {
        stack = (SIPTransactionStack) sipStack;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        SIPResponse sipResponse = (SIPResponse) response;
        String key = sipResponse.getTransactionId();
        if (key == null || !key.startsWith(MAGIC_COOKIE) || stack.findTransaction(key, false) != null) {
            return true;
        }
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        boolean invite2xx = response.getStatusCode() / 100 == 2 && cseq != null && Request.INVITE.equals(cseq.getMethod());
        if (invite2xx && key.startsWith(PROXIED)) {
            return true; // a proxied 2xx retransmission: the dispatcher relays it upstream (RFC 6026 §8.1)
        }
        if (invite2xx) {
            SIPDialog dialog = stack.getDialog(sipResponse.getDialogId(false));
            if (dialog != null) {
                try {
                    dialog.resendAck();
                } catch (javax.sip.SipException e) {
                    // no ACK was sent yet: the application sends it when it handles the first 2xx
                }
            }
        }
        return false;
    }

    @Override
    public void destroy() {
    }
}
