package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencg.sip.container.core.LoopbackStacks.HOST;
import static org.opencg.sip.container.core.LoopbackStacks.collectedWithin;
import static org.opencg.sip.container.core.LoopbackStacks.port;
import static org.opencg.sip.container.core.LoopbackStacks.provider;
import static org.opencg.sip.container.core.LoopbackStacks.stack;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencg.sip.container.JainFactories;

/**
 * A session that lasts (a call of minutes, with its INFOs and session refreshes) must not keep every transaction it
 * carried: once JAIN-SIP removes an ended transaction, the container's dispatcher unbinds it from its session. Two
 * real JAIN-SIP stacks on loopback: the session sends a MESSAGE, the far end answers 200, the stack ends the
 * transaction (Timer K is 0 over TCP, RFC 3261 §17.1.2.2) and the request bound to it is released while the
 * session stays alive.
 */
class TransactionReleaseTest {

    private final JainFactories jain = JainFactories.create();
    private final java.util.concurrent.ScheduledExecutorService scheduler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    private SipStack near;
    private SipStack far;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        for (SipStack stack : new SipStack[] {near, far}) {
            if (stack != null) {
                stack.stop();
            }
        }
    }

    @Test
    void endedTransactionIsReleasedWhileItsSessionGoesOn() throws Exception {
        SipSessionImpl session = new SipSessionImpl(null, null, "test", null);
        BlockingQueue<Integer> answers = new LinkedBlockingQueue<>();
        BlockingQueue<ClientTransaction> terminated = new LinkedBlockingQueue<>();
        Dispatcher dispatcher = new Dispatcher(new ContainerContext(jain, null, Runnable::run, scheduler, 1), side -> null);
        far = stack("far");
        SipProvider farProvider = provider(far, new Answerer());
        near = stack("near");
        SipProvider nearProvider = provider(near, new LoopbackStacks.Listener() {
            @Override
            public void processResponse(ResponseEvent event) {
                answers.add(event.getResponse().getStatusCode());
            }

            @Override
            public void processTransactionTerminated(TransactionTerminatedEvent event) {
                dispatcher.processTransactionTerminated(event);
                terminated.add(event.getClientTransaction());
            }
        });

        ClientTransaction transaction = nearProvider.getNewClientTransaction(message(nearProvider, farProvider));
        RequestImpl request = new RequestImpl(null, transaction.getRequest(), session, null, null, false, false);
        session.bind(transaction, request);
        WeakReference<RequestImpl> sent = new WeakReference<>(request);
        request = null;
        transaction.sendRequest();
        assertEquals(Response.OK, answers.poll(5, TimeUnit.SECONDS));
        assertEquals(transaction, terminated.poll(5, TimeUnit.SECONDS), "JAIN-SIP did not end the transaction");

        assertNull(transaction.getApplicationData(), "the ended transaction still names the session's request");
        // JAIN-SIP itself keeps an ended transaction reachable for a while; what the session bound to it must not be.
        assertTrue(collectedWithin(sent, 8_000), "the ended MESSAGE's request was still held 8 s after its 200");
        assertTrue(session.isValid(), "the session must still be alive: only its ended transaction goes");
    }

    private Request message(SipProvider from, SipProvider to) throws Exception {
        AddressFactory addresses = jain.addresses();
        HeaderFactory headers = jain.headers();
        SipURI target = addresses.createSipURI("far", HOST + ":" + port(to));
        target.setTransportParam(ListeningPoint.TCP);
        return jain.messages().createRequest(target, Request.MESSAGE, from.getNewCallId(),
                headers.createCSeqHeader(1L, Request.MESSAGE),
                headers.createFromHeader(addresses.createAddress(addresses.createSipURI("near", HOST)), "n1"),
                headers.createToHeader(addresses.createAddress(target), null),
                List.of(headers.createViaHeader(HOST, port(from), ListeningPoint.TCP, null)),
                headers.createMaxForwardsHeader(70));
    }

    /** Answers every request 200, statelessly. */
    private final class Answerer extends LoopbackStacks.Listener {
        @Override
        public void processRequest(RequestEvent event) {
            try {
                ((SipProvider) event.getSource()).sendResponse(
                        jain.messages().createResponse(Response.OK, event.getRequest()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
