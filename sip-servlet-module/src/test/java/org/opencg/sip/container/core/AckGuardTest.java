package org.opencg.sip.container.core;

import static org.opencg.sip.container.core.LoopbackStacks.HOST;
import static org.opencg.sip.container.core.LoopbackStacks.collectedWithin;
import static org.opencg.sip.container.core.LoopbackStacks.provider;
import static org.opencg.sip.container.core.LoopbackStacks.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * An answered call's UAC dialog must be collectable once the call has ended and JAIN-SIP's linger has passed, not
 * 64·T1 after its 2xx: two real JAIN-SIP stacks on loopback place a call, answer it, acknowledge it and hang up.
 */
class AckGuardTest {

    private final SipFactory factory = SipFactory.getInstance();
    private SipStack caller;
    private SipStack callee;

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
        WeakReference<Dialog> dialog = placeAndEndCall(true);
        assertTrue(collectedWithin(dialog, 8_000), "the caller's dialog was still held 8 s after the call ended");
    }

    @Test
    void withoutTheCancellationJainSipHoldsTheEndedDialog() throws Exception {
        // The reason AckGuard exists: if JAIN-SIP ever lets the dialog go by itself, AckGuard can be removed.
        WeakReference<Dialog> dialog = placeAndEndCall(false);
        assertFalse(collectedWithin(dialog, 4_000), "JAIN-SIP released the dialog on its own");
    }

    /** INVITE, 200, ACK, BYE, 200 over TCP; returns the caller's dialog, to which nothing here holds on. */
    private WeakReference<Dialog> placeAndEndCall(boolean cancelGuard) throws Exception {
        // Queues, not futures: a future would keep the dialog it completed with.
        BlockingQueue<Dialog> answered = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> ended = new LinkedBlockingQueue<>();
        callee = stack("callee");
        SipProvider calleeProvider = provider(callee, new Callee());
        caller = stack("caller");
        SipProvider callerProvider = provider(caller, new Caller(answered, ended));

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
        return new WeakReference<>(callerDialog);
    }

    private Request invite(SipProvider from, SipProvider to) throws Exception {
        AddressFactory addresses = factory.createAddressFactory();
        HeaderFactory headers = factory.createHeaderFactory();
        MessageFactory messages = factory.createMessageFactory();
        int toPort = to.getListeningPoint(ListeningPoint.TCP).getPort();
        SipURI target = addresses.createSipURI("callee", HOST + ":" + toPort);
        target.setTransportParam(ListeningPoint.TCP);
        Address caller = addresses.createAddress(addresses.createSipURI("caller", HOST));
        Request invite = messages.createRequest(target, Request.INVITE, from.getNewCallId(),
                headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(caller, "c1"),
                headers.createToHeader(addresses.createAddress(target), null),
                List.of(headers.createViaHeader(HOST, from.getListeningPoint(ListeningPoint.TCP).getPort(),
                        ListeningPoint.TCP, null)),
                headers.createMaxForwardsHeader(70));
        SipURI contact = addresses.createSipURI("caller",
                HOST + ":" + from.getListeningPoint(ListeningPoint.TCP).getPort());
        contact.setTransportParam(ListeningPoint.TCP);
        invite.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
        return invite;
    }

    /** Answers the INVITE at once and the BYE with 200. */
    private final class Callee extends LoopbackStacks.Listener {
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
                }
                Response ok = factory.createMessageFactory().createResponse(Response.OK, request);
                if (Request.INVITE.equals(request.getMethod())) {
                    ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("callee");
                    AddressFactory addresses = factory.createAddressFactory();
                    SipURI contact = addresses.createSipURI("callee",
                            HOST + ":" + provider.getListeningPoint(ListeningPoint.TCP).getPort());
                    contact.setTransportParam(ListeningPoint.TCP);
                    ok.addHeader(factory.createHeaderFactory().createContactHeader(addresses.createAddress(contact)));
                }
                transaction.sendResponse(ok);
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
