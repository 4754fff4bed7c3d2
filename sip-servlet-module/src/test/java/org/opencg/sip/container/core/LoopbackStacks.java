package org.opencg.sip.container.core;

import java.util.Properties;

import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;

/** Real JAIN-SIP stacks on loopback (TCP unless a test asks for UDP), configured as the container's own. */
public final class LoopbackStacks {

    static final String HOST = "127.0.0.1";

    private LoopbackStacks() {
    }

    /** A stack configured as the container's, but for a 1 s linger (JAIN-SIP's is 8 s) so a test waits seconds. */
    static SipStack stack(String name) throws Exception {
        return stack(name, 1);
    }

    /** A stack configured as the container's, with the given linger. */
    static SipStack stack(String name, int lingerSeconds) throws Exception {
        Properties properties = org.opencg.sip.container.SipContainer.stackProperties();
        properties.setProperty("javax.sip.STACK_NAME", "loopback-" + name);
        // Static in JAIN-SIP (SIPTransactionStack): it holds for every stack of this JVM, as set by the newest.
        properties.setProperty("gov.nist.javax.sip.LINGER_TIMER", String.valueOf(lingerSeconds));
        return SipFactory.getInstance().createSipStack(properties);
    }

    static SipProvider provider(SipStack stack, SipListener listener) throws Exception {
        return provider(stack, listener, ListeningPoint.TCP);
    }

    static SipProvider provider(SipStack stack, SipListener listener, String transport) throws Exception {
        ListeningPoint point = stack.createListeningPoint(HOST, freePort(), transport);
        SipProvider provider = stack.createSipProvider(point);
        provider.addSipListener(listener);
        stack.start();
        return provider;
    }

    /** The port of a provider made over TCP. */
    static int port(SipProvider provider) {
        return provider.getListeningPoint(ListeningPoint.TCP).getPort();
    }

    /** Waits until nothing but the reference holds the object, collecting as it waits. */
    static boolean collectedWithin(java.lang.ref.WeakReference<?> reference, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            System.gc();
            if (reference.get() == null) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** JAIN-SIP refuses port 0, so a port the system just handed out and took back. */
    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** A listener that ignores every event; tests override what they watch. */
    public abstract static class Listener implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
        }

        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(javax.sip.TimeoutEvent event) {
        }

        @Override
        public void processIOException(javax.sip.IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(javax.sip.TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(javax.sip.DialogTerminatedEvent event) {
        }
    }
}
