package org.opencg.sip.container.core;

import static org.opencg.sip.container.core.LoopbackStacks.HOST;
import static org.opencg.sip.container.core.LoopbackStacks.collectedWithin;
import static org.opencg.sip.container.core.LoopbackStacks.provider;
import static org.opencg.sip.container.core.LoopbackStacks.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What JAIN-SIP keeps of an answered call once it has ended: two real JAIN-SIP stacks on loopback place a call,
 * answer it, acknowledge it and hang up. The caller's dialog must be collectable once JAIN-SIP's linger has passed,
 * not 64·T1 after its 2xx (AckGuard), and the callee's INVITE transaction and dialog must leave its stack once its
 * session ends, not after the linger (Linger).
 */
class EndedCallReleaseTest {

    private final SipFactory factory = SipFactory.getInstance();
    private SipStack caller;
    private SipStack callee;
    private String transport = ListeningPoint.TCP;

    @AfterEach
    void stop() {
        for (SipStack stack : new SipStack[] {caller, callee}) {
            if (stack != null) {
                stack.stop();
            }
        }
    }

    @Test
    void endedCallsDialogIsReleasedAfterTheLingerOnceItsGuardIsCancelled() throws Exception {
        Ended call = placeAndEndCall(1, true, false);
        assertTrue(collectedWithin(call.dialog(), 8_000), "the caller's dialog was still held 8 s after the call ended");
    }

    @Test
    void withoutTheCancellationJainSipHoldsTheEndedDialog() throws Exception {
        // The reason AckGuard exists: if JAIN-SIP ever lets the dialog go by itself, AckGuard can be removed.
        Ended call = placeAndEndCall(1, false, false);
        assertFalse(collectedWithin(call.dialog(), 4_000), "JAIN-SIP released the dialog on its own");
    }

    @Test
    void endedCallsInviteTransactionAndDialogLeaveTheStackAtOnce() throws Exception {
        transport = ListeningPoint.UDP; // as on the operator's side
        Ended call = placeAndEndCall(8, true, true);
        assertNull(calleeStack().findTransaction(call.inviteId(), true), "the ended INVITE transaction is still kept");
        assertNull(calleeStack().getDialog(call.dialogId()), "the ended dialog is still kept");
    }

    @Test
    void withoutItJainSipKeepsThemForItsLinger() throws Exception {
        // The reason Linger exists: JAIN-SIP keeps them 8 s after they ended, the INVITE transaction with its INVITE.
        transport = ListeningPoint.UDP;
        Ended call = placeAndEndCall(8, true, false);
        assertNotNull(calleeStack().findTransaction(call.inviteId(), true), "JAIN-SIP dropped the INVITE transaction");
        assertNotNull(calleeStack().getDialog(call.dialogId()), "JAIN-SIP dropped the dialog before its linger");
    }

    private gov.nist.javax.sip.stack.SIPTransactionStack calleeStack() {
        return (gov.nist.javax.sip.stack.SIPTransactionStack) callee;
    }

    /**
     * The caller's dialog, to which nothing here holds on, and the callee's INVITE transaction and dialog by their
     * ids in the callee's stack.
     */
    private record Ended(WeakReference<Dialog> dialog, String inviteId, String dialogId) {
    }

    /**
     * INVITE, 180, 200, ACK, BYE, 200 over the test's transport, then what the container does when the sessions end.
     * The linger is 1 s where a test waits for it to pass, JAIN-SIP's own 8 s where a test tells a release before it
     * from the linger's own.
     */
    private Ended placeAndEndCall(int lingerSeconds, boolean cancelGuard, boolean endLinger) throws Exception {
        // Queues, not futures: a future would keep the dialog it completed with.
        BlockingQueue<Dialog> answered = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> ended = new LinkedBlockingQueue<>();
        BlockingQueue<ServerTransaction> received = new LinkedBlockingQueue<>();
        callee = stack("callee", lingerSeconds);
        SipProvider calleeProvider = provider(callee, new Callee(received), transport);
        caller = stack("caller", lingerSeconds);
        SipProvider callerProvider = provider(caller, new Caller(answered, ended), transport);

        ClientTransaction invite = callerProvider.getNewClientTransaction(invite(callerProvider, calleeProvider));
        // Automatic dialog support is off in the container's configuration: dialogs are made as the container does.
        callerProvider.getNewDialog(invite);
        invite.sendRequest();
        Dialog callerDialog = answered.poll(5, TimeUnit.SECONDS);
        assertNotNull(callerDialog, "the call was not answered and acknowledged");
        ClientTransaction bye = callerProvider.getNewClientTransaction(callerDialog.createRequest(Request.BYE));
        callerDialog.sendRequest(bye);
        assertEquals(Boolean.TRUE, ended.poll(5, TimeUnit.SECONDS));
        assertEquals(DialogState.TERMINATED, callerDialog.getState());
        if (cancelGuard) {
            AckGuard.cancel(callerDialog);
        }
        ServerTransaction calleeInvite = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(calleeInvite, "the callee saw no INVITE");
        assertEquals(DialogState.TERMINATED, calleeInvite.getDialog().getState());
        Dialog calleeDialog = calleeInvite.getDialog();
        Ended call = new Ended(new WeakReference<>(callerDialog),
                ((gov.nist.javax.sip.stack.SIPTransaction) calleeInvite).getTransactionId(),
                calleeDialog.getDialogId());
        if (endLinger) {
            Linger.end(calleeInvite);
            Linger.end(calleeDialog);
        }
        return call;
    }

    private Request invite(SipProvider from, SipProvider to) throws Exception {
        AddressFactory addresses = factory.createAddressFactory();
        HeaderFactory headers = factory.createHeaderFactory();
        MessageFactory messages = factory.createMessageFactory();
        int toPort = to.getListeningPoint(transport).getPort();
        SipURI target = addresses.createSipURI("callee", HOST + ":" + toPort);
        target.setTransportParam(transport);
        Address caller = addresses.createAddress(addresses.createSipURI("caller", HOST));
        Request invite = messages.createRequest(target, Request.INVITE, from.getNewCallId(),
                headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(caller, "c1"),
                headers.createToHeader(addresses.createAddress(target), null),
                List.of(headers.createViaHeader(HOST, from.getListeningPoint(transport).getPort(),
                        transport, null)),
                headers.createMaxForwardsHeader(70));
        SipURI contact = addresses.createSipURI("caller",
                HOST + ":" + from.getListeningPoint(transport).getPort());
        contact.setTransportParam(transport);
        invite.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
        return invite;
    }

    /** Answers the INVITE with 180 and 200 and the BYE with 200, and then hands out the INVITE's transaction. */
    private final class Callee extends LoopbackStacks.Listener {
        private final BlockingQueue<ServerTransaction> received;
        // Until the call ends: the container too keeps a session's transactions while it lasts.
        private volatile ServerTransaction invite;

        Callee(BlockingQueue<ServerTransaction> received) {
            this.received = received;
        }

        @Override
        public void processRequest(RequestEvent event) {
            try {
                Request request = event.getRequest();
                SipProvider provider = (SipProvider) event.getSource();
                if (Request.ACK.equals(request.getMethod())) {
                    return;
                }
                ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                        : provider.getNewServerTransaction(request);
                if (Request.INVITE.equals(request.getMethod())) {
                    provider.getNewDialog(transaction);
                    invite = transaction;
                    // Ringing first, as every call through the gateway: it starts the transaction's timer, whose
                    // end is the linger.
                    Response ringing = factory.createMessageFactory().createResponse(Response.RINGING, request);
                    ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag("callee");
                    transaction.sendResponse(ringing);
                }
                Response ok = factory.createMessageFactory().createResponse(Response.OK, request);
                if (Request.INVITE.equals(request.getMethod())) {
                    ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("callee");
                    AddressFactory addresses = factory.createAddressFactory();
                    SipURI contact = addresses.createSipURI("callee",
                            HOST + ":" + provider.getListeningPoint(transport).getPort());
                    contact.setTransportParam(transport);
                    ok.addHeader(factory.createHeaderFactory().createContactHeader(addresses.createAddress(contact)));
                }
                transaction.sendResponse(ok);
                if (Request.BYE.equals(request.getMethod())) {
                    received.add(invite);
                    invite = null;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Acknowledges the 2xx through the dialog, as the gateway does, and reports the BYE's answer. */
    private static final class Caller extends LoopbackStacks.Listener {
        private final BlockingQueue<Dialog> answered;
        private final BlockingQueue<Boolean> ended;

        Caller(BlockingQueue<Dialog> answered, BlockingQueue<Boolean> ended) {
            this.answered = answered;
            this.ended = ended;
        }

        @Override
        public void processResponse(ResponseEvent event) {
            Response response = event.getResponse();
            CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
            if (response.getStatusCode() != Response.OK) {
                return;
            }
            try {
                if (Request.INVITE.equals(cseq.getMethod())) {
                    Dialog dialog = event.getDialog();
                    dialog.sendAck(dialog.createAck(cseq.getSeqNumber()));
                    answered.add(dialog);
                } else if (Request.BYE.equals(cseq.getMethod())) {
                    ended.add(true);
                }
            } catch (Exception e) {
                ended.add(false);
            }
        }
    }
}
