package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher on a real stack over UDP: while overloaded, a new INVITE gets 503 with Retry-After at once. */
class OverloadSheddingTest {

    private final java.util.concurrent.ScheduledExecutorService scheduler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    private SipStack stack;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void anInviteWhileTheWorkersAreBehindIsAnswered503WithRetryAfter() throws Exception {
        ContainerContext context = new ContainerContext(org.opencg.sip.container.JainFactories.create(), null, Runnable::run, scheduler, 1,
                (side, address) -> {
                }, new Overload(() -> 6000, 5000));
        Dispatcher dispatcher = new Dispatcher(context, side -> null);
        stack = LoopbackStacks.stack("overload");
        SipProvider provider = LoopbackStacks.provider(stack, dispatcher, ListeningPoint.UDP);
        int port = provider.getListeningPoint(ListeningPoint.UDP).getPort();
        String answer = finalAnswer(port, "callee", "shed-1");
        assertTrue(answer.startsWith("SIP/2.0 503 Overloaded"), answer);
        assertTrue(answer.contains("Retry-After: 5"), answer);
        assertTrue(context.overload().shedCalls() == 1);
    }

    /**
     * An application at its call limit closes the gate ({@link NewCallGate}): a new INVITE gets its 503 and reason
     * from the container, with Retry-After, except one to a priority dial string; once opened, INVITEs pass again.
     */
    @Test
    void anInviteAtTheApplicationsCallLimitIsAnsweredByTheContainerButAnEmergencyCallPasses() throws Exception {
        Overload overload = new Overload(() -> 0, 5000);
        ContainerContext context = new ContainerContext(org.opencg.sip.container.JainFactories.create(), null,
                Runnable::run, scheduler, 1, (side, address) -> {
                }, overload);
        stack = LoopbackStacks.stack("gate");
        SipProvider provider = LoopbackStacks.provider(stack, new Dispatcher(context, side -> null), ListeningPoint.UDP);
        int port = provider.getListeningPoint(ListeningPoint.UDP).getPort();
        overload.neverShed(java.util.Set.of("911"));
        overload.close("Service Unavailable (call limit of 20 reached)");
        String refused = finalAnswer(port, "+442079460000", "gate-1");
        assertTrue(refused.startsWith("SIP/2.0 503 Service Unavailable (call limit of 20 reached)"), refused);
        assertTrue(refused.contains("Retry-After: 5"), refused);
        String emergency = finalAnswer(port, "911", "gate-2");
        assertFalse(emergency.startsWith("SIP/2.0 503"), "an emergency call passes the gate: " + emergency);
        overload.close(null);
        String open = finalAnswer(port, "+442079460000", "gate-3");
        assertFalse(open.startsWith("SIP/2.0 503"), open);
        assertEquals(1, overload.refusedAtGate());
    }

    /** The final answer to an INVITE for {@code user} sent over UDP. */
    private static String finalAnswer(int port, String user, String callId) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            String from = "127.0.0.1:" + socket.getLocalPort();
            String invite = "INVITE sip:" + user + "@127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP " + from
                    + ";branch=z9hG4bK" + callId + "\r\nMax-Forwards: 70\r\nFrom: <sip:caller@" + from + ">;tag=1\r\n"
                    + "To: <sip:" + user + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:caller@" + from + ">\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = invite.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
            String answer;
            do {
                byte[] buffer = new byte[4096];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                answer = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
            } while (answer.startsWith("SIP/2.0 1"));
            return answer;
        }
    }
}
