package org.opencg.sip.container.core;

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
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            String from = "127.0.0.1:" + socket.getLocalPort();
            String invite = "INVITE sip:callee@127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP " + from
                    + ";branch=z9hG4bKshed1\r\nMax-Forwards: 70\r\nFrom: <sip:caller@" + from + ">;tag=1\r\n"
                    + "To: <sip:callee@127.0.0.1>\r\nCall-ID: shed-1\r\nCSeq: 1 INVITE\r\n"
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
            assertTrue(answer.startsWith("SIP/2.0 503 Overloaded"), answer);
            assertTrue(answer.contains("Retry-After: 5"), answer);
        }
        assertTrue(context.overload().shedCalls() == 1);
    }
}
